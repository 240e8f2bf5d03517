"""People: residents, volunteers, participants and staff, seen on a need-to-know
basis."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from rest_framework import mixins, serializers

from buurtwerkkamer.people.models import Person
from buurtwerkkamer.people.services import save_person
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

    def create(self, validated_data: dict[str, Any]) -> Person:
        rooms = validated_data.pop("rooms", [])
        return self.saved(Person(**validated_data), rooms)

    def update(self, instance: Person, validated_data: dict[str, Any]) -> Person:
        # Rooms left out of a partial update stay: the editor's visible ones.
        visible = Room.objects.visible_to(self.context["request"].user)
        rooms = validated_data.pop("rooms", list(instance.rooms.filter(pk__in=visible)))
        for field, value in validated_data.items():
            setattr(instance, field, value)
        return self.saved(instance, rooms)

    def saved(self, person: Person, rooms: list[Room]) -> Person:
        try:
            return save_person(person, rooms, self.context["request"].user)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error


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
