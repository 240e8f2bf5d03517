"""The team's records: house rules in versions, breaches (case files, each read
logged), agreements with and coaching of team members, yearly goals with their
progress notes, and the contact log with partners. Every change goes through
the teamwork services, which hold the rules."""

from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.access.case_files import record_read
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.teamwork import services
from buurtwerkkamer.teamwork.models import (
    Breach,
    GoalNote,
    HouseRules,
    PartnerContact,
    WorkAgreement,
    YearlyGoal,
)

from .base import RoomRecordSerializer, RoomRecordViewSet, ScopedSlugField

NOTES = Prefetch("notes", GoalNote.objects.select_related("written_by"))


def today() -> Any:
    return timezone.localdate()


def person_field() -> ScopedSlugField:
    return ScopedSlugField(
        slug_field="uuid",
        queryset=Person.objects.all(),
        help_text=_("The UUID of a person of the room."),
    )


class AuthoredSerializer(RoomRecordSerializer[Any]):
    """A record that keeps who wrote it: the requesting user, on creation."""

    author_field = "recorded_by"
    saver: Any = None

    def save_record(self, instance: Any) -> None:
        if instance.pk is None:
            setattr(instance, self.author_field, self.context["request"].user)
        type(self).saver(instance, today=today())


class HouseRulesSerializer(AuthoredSerializer):
    author_field = "written_by"
    saver = staticmethod(services.save_house_rules)
    written_by = serializers.CharField(source="written_by.name", read_only=True)

    class Meta:
        model = HouseRules
        fields = ["uuid", "room", "number", "text", "effective_from", "written_by"]
        read_only_fields = ["number"]
        validators: list[Any] = []


class BreachSerializer(AuthoredSerializer):
    saver = staticmethod(services.save_breach)
    person = person_field()
    rules: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, allow_null=True
    )

    class Meta:
        model = Breach
        fields = [
            "uuid",
            "room",
            "person",
            "occurred_on",
            "what",
            "action_taken",
            "rules",
            "created_at",
        ]


class WorkAgreementSerializer(AuthoredSerializer):
    saver = staticmethod(services.save_work_agreement)
    person = person_field()

    class Meta:
        model = WorkAgreement
        fields = [
            "uuid",
            "room",
            "person",
            "kind",
            "agreed_on",
            "subject",
            "agreed",
            "follow_up_on",
            "followed_up_on",
        ]
        read_only_fields = ["followed_up_on"]


class GoalNoteSerializer(serializers.ModelSerializer[GoalNote]):
    written_by = serializers.CharField(source="written_by.name", read_only=True)

    class Meta:
        model = GoalNote
        fields = ["written_on", "note", "written_by"]


class YearlyGoalSerializer(AuthoredSerializer):
    author_field = "set_by"
    saver = staticmethod(services.save_goal)
    notes = GoalNoteSerializer(many=True, read_only=True)

    class Meta:
        model = YearlyGoal
        fields = ["uuid", "room", "year", "goal", "measure", "notes"]


class PartnerContactSerializer(AuthoredSerializer):
    saver = staticmethod(services.save_partner_contact)
    organisation = ScopedSlugField(
        slug_field="slug", queryset=Organisation.objects.all()
    )

    class Meta:
        model = PartnerContact
        fields = [
            "uuid",
            "room",
            "organisation",
            "contacted_on",
            "contact_person",
            "subject",
            "notes",
            "follow_up",
            "follow_up_on",
            "followed_up_on",
        ]
        read_only_fields = ["followed_up_on"]


class DoneSerializer(serializers.Serializer):
    done_on = serializers.DateField()


class NoteInputSerializer(serializers.Serializer):
    written_on = serializers.DateField()
    note = serializers.CharField()


class TeamViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, RoomRecordViewSet[Any]
):
    pass


class FollowUpMixin:
    @extend_schema(request=DoneSerializer)
    @action(detail=True, methods=["post"], url_path="followed-up")
    def followed_up(self, request: Request, uuid: str) -> Response:
        """Record that it was followed up, once, on a day up to today."""
        record = self.get_object()  # type: ignore[attr-defined]
        form = DoneSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.follow_up(
            record, done_on=form.validated_data["done_on"], today=today()
        )
        record.refresh_from_db()
        return Response(self.get_serializer(record).data)  # type: ignore[attr-defined]


def policy_of(view: str, change: str, *extra: str) -> dict[str, str]:
    names = {"retrieve": view}
    for name in ("create", "update", "partial_update", *extra):
        names[name] = change
    return names


class HouseRulesViewSet(TeamViewSet):
    queryset = HouseRules.objects.select_related("room", "written_by")
    serializer_class = HouseRulesSerializer
    policy = policy_of("teamwork.view_rules", "teamwork.change_rules")


class BreachViewSet(TeamViewSet):
    """Case files: only the room's coordinator and coach and the board; each
    record read is logged."""

    queryset = Breach.objects.select_related("room", "person", "rules")
    serializer_class = BreachSerializer
    policy = policy_of("teamwork.view_breach", "teamwork.change_breach")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        breach = self.get_object()
        record_read(breach)
        return Response(self.get_serializer(breach).data)


class WorkAgreementViewSet(FollowUpMixin, TeamViewSet):
    queryset = WorkAgreement.objects.select_related("room", "person")
    serializer_class = WorkAgreementSerializer
    policy = policy_of(
        "teamwork.view_agreement", "teamwork.change_agreement", "followed_up"
    )


class YearlyGoalViewSet(TeamViewSet):
    queryset = YearlyGoal.objects.select_related("room").prefetch_related(NOTES)
    serializer_class = YearlyGoalSerializer
    policy = policy_of("teamwork.view_goals", "teamwork.change_goals", "add_note")

    @extend_schema(request=NoteInputSerializer, responses={201: YearlyGoalSerializer})
    @action(detail=True, methods=["post"], url_path="notes")
    def add_note(self, request: Request, uuid: str) -> Response:
        """Note the progress towards the goal."""
        goal = self.get_object()
        form = NoteInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.add_goal_note(
            goal, **form.validated_data, user=request.user, today=today()
        )
        fresh = self.get_queryset().get(pk=goal.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)


class PartnerContactViewSet(FollowUpMixin, TeamViewSet):
    queryset = PartnerContact.objects.select_related("room", "organisation")
    serializer_class = PartnerContactSerializer
    policy = policy_of(
        "teamwork.view_contacts", "teamwork.change_contacts", "followed_up"
    )
