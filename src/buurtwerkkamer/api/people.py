"""People: residents, volunteers, participants and staff, seen on a need-to-know
basis."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from rest_framework import mixins

from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .base import CleanModelSerializer, PolicyViewSet, ScopedSlugField


class PersonSerializer(CleanModelSerializer[Person]):
    rooms = ScopedSlugField(
        slug_field="slug", queryset=Room.objects.all(), many=True, required=False
    )

    class Meta:
        model = Person
        fields = [
            "uuid",
            "first_name",
            "last_name",
            "email",
            "phone",
            "rooms",
            "created_at",
            "updated_at",
        ]

    def update(self, instance: Person, validated_data: dict[str, Any]) -> Person:
        if "rooms" in validated_data:
            # The user names only rooms they see; the person's other rooms stay.
            visible = Room.objects.visible_to(self.context["request"].user)
            hidden = instance.rooms.exclude(pk__in=visible.values("pk"))
            validated_data["rooms"] = [*validated_data["rooms"], *hidden]
        return super().update(instance, validated_data)


class PersonViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    PolicyViewSet[Person],
):
    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    policy = {
        "list": "people.list_people",
        "retrieve": "people.view_person",
        "create": "people.add_person",
        "update": "people.change_person",
        "partial_update": "people.change_person",
    }

    def scope(self, queryset: QuerySet[Person]) -> QuerySet[Person]:
        # Only the rooms the user sees are named, so a person's other rooms stay
        # unknown to a coach of one of them.
        visible = Room.objects.visible_to(self.request.user)
        rooms = Prefetch("rooms", queryset=visible)
        return super().scope(queryset).prefetch_related(rooms)
