"""Endpoints that read. A read scope lets a client read that record trust-wide, as a trust-wide role
would; filters by URN and half-term, pages of 50, and an ETag so an unchanged page costs nothing."""

from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiParameter
from rest_framework.response import Response

from audits.models import AuditAction
from categorisation.models import Categorisation
from letters.models import Letter
from schools.models import School

from .. import serializers as s
from ..scopes import Scope
from .base import URN, ClientView, documented_read, documented_write
from .writes import AuditActionsWrite

URN_FILTER = OpenApiParameter("urn", str, description="Only this school (six digits)", pattern=r"^\d{6}$")
HALF_TERM_FILTER = OpenApiParameter("half_term", str, description="Only this half-term, like Aut 2 2025-26")


class _ListView(ClientView):
    def list(self, queryset):
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def by_school_and_half_term(self, queryset):
        urn, half_term = self.urn_param(), self.half_term_param()
        if urn:
            queryset = queryset.filter(school__urn=urn)
        if half_term:
            queryset = queryset.filter(half_term=half_term)
        return queryset


class SchoolListView(_ListView):
    scopes = {"GET": Scope.SCHOOLS_READ}
    serializer_class = s.SchoolOut

    @documented_read(s.SchoolOut(many=True), parameters=[URN_FILTER], summary="The trust's schools")
    def get(self, request):
        schools = School.objects.order_by("urn")
        urn = self.urn_param()
        if urn:
            schools = schools.filter(urn=urn)
        return self.list(schools)


class SchoolDetailView(ClientView):
    scopes = {"GET": Scope.SCHOOLS_READ}
    serializer_class = s.SchoolOut

    @documented_read(
        s.SchoolOut,
        parameters=[
            OpenApiParameter(
                "urn",
                str,
                OpenApiParameter.PATH,
                pattern=r"^\d{6}$",
                examples=[OpenApiExample("A school", value="100001")],
            )
        ],
        summary="One school, by URN",
    )
    def get(self, request, urn):
        school = School.objects.filter(urn=urn).first() if URN.match(urn) else None
        if school is None:
            raise Http404("No school in the portal has that URN.")
        return Response(self.get_serializer(school).data)


class CategoryListView(_ListView):
    scopes = {"GET": Scope.CATEGORIES_READ}
    serializer_class = s.CategoryOut

    @documented_read(
        s.CategoryOut(many=True),
        parameters=[URN_FILTER, HALF_TERM_FILTER],
        summary="Schools' current categories, by half-term",
    )
    def get(self, request):
        records = (
            Categorisation.objects.current()
            .select_related("school", "level", "half_term__academic_year")
            .order_by("-half_term__starts_on", "school__urn", "dimension")
        )
        return self.list(self.by_school_and_half_term(records))


class AuditActionListView(_ListView):
    scopes = {"GET": Scope.AUDIT_ACTIONS_READ, "POST": Scope.AUDIT_ACTIONS_WRITE}
    serializer_class = s.AuditActionOut

    @documented_read(s.AuditActionOut(many=True), parameters=[URN_FILTER], summary="Audit actions")
    def get(self, request):
        actions = AuditAction.objects.select_related("audit__school", "audit__audit_type").order_by("pk")
        urn = self.urn_param()
        if urn:
            actions = actions.filter(audit__school__urn=urn)
        return self.list(actions)

    @documented_write(
        s.AuditActionsBatch,
        s.AuditActionsCreated,
        example=s.EXAMPLES["audit_action"],
        status=201,
        summary="Record audit actions",
    )
    def post(self, request):
        return AuditActionsWrite.post(self, request)


class LetterListView(_ListView):
    scopes = {"GET": Scope.LETTERS_READ}
    serializer_class = s.LetterOut

    @documented_read(
        s.LetterOut(many=True), parameters=[URN_FILTER, HALF_TERM_FILTER], summary="Letters' status"
    )
    def get(self, request):
        letters = Letter.objects.select_related("school", "half_term__academic_year").order_by(
            "-half_term__starts_on", "school__urn", "version"
        )
        return self.list(self.by_school_and_half_term(letters))
