"""What every API view shares: token authentication only, a scope per method, a rate per client, an ETag
on reads, and a record of every call a client makes."""

import hashlib
import json
import re

from django.core.exceptions import ValidationError
from django.utils.cache import patch_vary_headers
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.exceptions import APIException
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from kpis.importing.base import half_term_in_year
from schools.models import HalfTerm
from trust_portal.tabular import CellError

from ..authentication import ClientHasScope, ClientRateThrottle, ClientTokenAuthentication, client_of
from ..rows import BatchRefused, serializer_errors
from ..serializers import Problem
from ..services import api_call_record

URN = re.compile(r"^\d{6}$")
PROBLEMS = {
    401: OpenApiResponse(Problem, description="No token, or a token that is not valid or was revoked"),
    403: OpenApiResponse(Problem, description="The client does not have the scope this needs"),
    429: OpenApiResponse(Problem, description="Too many calls from this client: wait and retry"),
}


def documented_read(serializer, **kwargs):
    responses = {200: serializer, 304: OpenApiResponse(description="Not modified since that ETag")}
    return extend_schema(responses=responses | {400: Problem, 404: Problem} | PROBLEMS, **kwargs)


def documented_write(request, ok, *, example: dict, status=200, **kwargs):
    """A batch endpoint; its example (a good row for the demo's school 100001) also seeds schemathesis."""
    bad = OpenApiResponse(Problem, description="Nothing was saved: every problem, by row and field")
    return extend_schema(
        request=request,
        responses={status: ok, 400: bad, 415: OpenApiResponse(Problem, description="Send JSON")} | PROBLEMS,
        examples=[OpenApiExample("One row", value={"rows": [example]}, request_only=True)],
        **kwargs,
    )


class QueryRefused(APIException):
    status_code = 400
    default_code = "bad_filter"

    def __init__(self, field: str, message: str):
        self.errors = [{"row": None, "field": field, "message": message}]
        super().__init__(f"The {field} filter cannot be used: {message}.")


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def api_exception_handler(exc, context):
    from rest_framework.views import exception_handler

    if isinstance(exc, ValidationError):
        exc = BatchRefused([{"row": None, "field": None, "message": m} for m in exc.messages])
    response = exception_handler(exc, context)
    if response is not None and hasattr(exc, "errors"):
        response.data = {"detail": str(exc.detail), "errors": exc.errors}
    return response


class ClientView(GenericAPIView):
    authentication_classes = [ClientTokenAuthentication]
    permission_classes = [ClientHasScope]
    throttle_classes = [ClientRateThrottle]
    pagination_class = Pages
    http_method_names = ["get", "post", "head"]
    scopes: dict = {}

    def batch(self, serializer_class) -> list[dict]:
        """The request's rows, checked for their JSON types; every problem by row and field."""
        serializer = serializer_class(data=self.request.data)
        if not serializer.is_valid():
            raise BatchRefused(serializer_errors(serializer.errors))
        return serializer.validated_data["rows"]

    def urn_param(self):
        urn = self.request.query_params.get("urn")
        if urn is not None and not URN.match(urn):
            raise QueryRefused("urn", "a URN is six digits, like 100001")
        return urn

    def half_term_param(self):
        value = self.request.query_params.get("half_term")
        if value is None:
            return None
        try:
            number, start_year = half_term_in_year(value)
        except CellError as error:
            raise QueryRefused("half_term", str(error)) from None
        half_term = HalfTerm.objects.filter(number=number, academic_year__starts_on__year=start_year).first()
        if half_term is None:
            raise QueryRefused("half_term", f"'{value}' is not in the portal's calendar")
        return half_term

    def finalize_response(self, request, response, *args, **kwargs):
        if request.method == "GET" and response.status_code == 200 and isinstance(response, Response):
            body = json.dumps(response.data, sort_keys=True, default=str).encode()
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
            wanted = {tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")}
            if etag in wanted or "*" in wanted:
                response = Response(status=304)
            response["ETag"] = etag
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        client = client_of(request)
        if client is not None:
            api_call_record(
                client=client, method=request.method, endpoint=request.path, status=response.status_code
            )
        return response
