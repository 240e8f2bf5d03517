"""Organisations and their contact persons."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.core.validators import normalise_iban, normalise_postcode
from buurtwerkkamer.partners.models import ContactPerson, Organisation

from .base import SLUG_PATTERN, CleanModelSerializer, PolicyViewSet, ScopedSlugField
from .permissions import records_where

VIEW_CONTACTS = "partners.view_contacts"

ORGANISATION_FILTER = OpenApiParameter(
    "organisation",
    str,
    description=_("Only the contact persons of the organisation with this slug."),
)


class OrganisationSerializer(CleanModelSerializer[Organisation]):
    class Meta:
        model = Organisation
        fields = [
            "slug",
            "uuid",
            "name",
            "kind",
            "kvk_number",
            "iban",
            "email",
            "phone",
            "website",
            "street",
            "house_number",
            "postcode",
            "city",
            "created_at",
            "updated_at",
        ]

    def validate_iban(self, value: str) -> str:
        return normalise_iban(value) if value else value

    def validate_postcode(self, value: str) -> str:
        return normalise_postcode(value) if value else value


class ContactPersonSerializer(CleanModelSerializer[ContactPerson]):
    organisation = ScopedSlugField(
        slug_field="slug", queryset=Organisation.objects.all()
    )

    class Meta:
        model = ContactPerson
        fields = ["uuid", "organisation", "name", "position", "email", "phone"]

    def validate_organisation(self, organisation: Organisation) -> Organisation:
        # Moving a contact would slip past the check made where it was created.
        if (
            self.instance is not None
            and organisation.pk != self.instance.organisation_id
        ):
            raise serializers.ValidationError(
                _("A contact person cannot move to another organisation.")
            )
        return organisation


class OrganisationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    PolicyViewSet[Organisation],
):
    queryset = Organisation.objects.all()
    serializer_class = OrganisationSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    policy = {
        "list": "partners.list_organisations",
        "retrieve": "partners.view_organisation",
        "create": "partners.add_organisation",
        "update": "partners.change_organisation",
        "partial_update": "partners.change_organisation",
    }


class ContactPersonViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    PolicyViewSet[ContactPerson],
):
    """Contact persons are named people: for the board, the treasurer and room staff,
    and for a partner user those of their own organisation only. Others who see
    an organisation (the audit committee, the accountant) do not see its people."""

    queryset = ContactPerson.objects.select_related("organisation")
    serializer_class = ContactPersonSerializer
    parent_field = "organisation"
    policy = {
        "retrieve": VIEW_CONTACTS,
        # Asked against the organisation the contact is added to.
        "create": "partners.change_organisation",
        "update": "partners.change_contact",
        "partial_update": "partners.change_contact",
    }

    @extend_schema(parameters=[ORGANISATION_FILTER])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def scope(self, queryset: QuerySet[ContactPerson]) -> QuerySet[ContactPerson]:
        # Contact persons have no scope of their own: they follow their organisation.
        visible = Organisation.objects.visible_to(self.request.user)
        return queryset.filter(organisation__in=visible)

    def filter_list(self, queryset: QuerySet[ContactPerson]) -> QuerySet[ContactPerson]:
        slug = self.request.query_params.get("organisation")
        return queryset.filter(organisation__slug=slug) if slug else queryset

    def narrow(self, queryset: QuerySet[ContactPerson]) -> QuerySet[ContactPerson]:
        organisations = Organisation.objects.all()
        allowed = records_where(self.request.user, organisations, VIEW_CONTACTS)
        return queryset.filter(organisation__in=allowed)
