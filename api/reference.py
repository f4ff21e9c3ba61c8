"""The API reference page, read from the OpenAPI schema: the operations, their fields and their answers."""

import re
from functools import cache

from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")
NEEDS = re.compile(r"\s*Needs the `([^`]+)` scope\.")


@cache
def api_schema() -> dict:
    return SchemaGenerator(patterns=None, urlconf=None).get_schema(request=None, public=True)


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _type(schema, node) -> str:
    node = _resolve(schema, node)
    if node.get("type") == "array":
        return f"list of {_type(schema, node.get('items', {}))}"
    if "enum" in node:
        return "one of " + ", ".join(str(value) for value in node["enum"] if value is not None)
    kind = node.get("type", "object")
    kind = kind if isinstance(kind, str) else "/".join(kind)
    return f"{kind} ({node['format']})" if node.get("format") else kind


def fields(schema: dict, node: dict) -> list[dict]:
    """The fields of a body; a batch's rows are listed as the fields of one row."""
    node = _resolve(schema, node)
    if node.get("type") == "array":
        node = _resolve(schema, node.get("items", {}))
    properties = node.get("properties", {})
    if list(properties) == ["rows"] or "results" in properties:
        return fields(schema, properties.get("rows") or properties["results"])
    required = set(node.get("required", []))
    return [
        {
            "name": name,
            "type": _type(schema, prop),
            "required": name in required,
            "nullable": _resolve(schema, prop).get("nullable", False),
            "help": _resolve(schema, prop).get("description", ""),
        }
        for name, prop in properties.items()
    ]


def operations() -> list[dict]:
    schema = api_schema()
    found = []
    for path, item in schema["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            description = operation.get("description", "")
            scope = NEEDS.search(description)
            ok = next((code for code in operation["responses"] if code.startswith("2")), None)
            answer = operation["responses"].get(ok, {}).get("content", {}).get("application/json", {})
            found.append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": NEEDS.sub("", description).strip(),
                    "scope": scope[1] if scope else "",
                    "parameters": operation.get("parameters", []),
                    "request": fields(schema, body["schema"]) if body else [],
                    "ok": ok,
                    "answer": fields(schema, answer["schema"]) if answer else [],
                    "statuses": [
                        (code, response.get("description", ""))
                        for code, response in operation["responses"].items()
                    ],
                }
            )
    return found
