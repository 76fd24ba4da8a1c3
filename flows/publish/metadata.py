"""Machine-readable descriptions of a release — Croissant (JSON-LD) and a Frictionless data
package — generated from the same pydantic models as the Parquet schemas. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from schemas import TABLES, Record
from schemas.arrow import arrow_schema, column_order

DATASET_NAME = "ru-political-corpus"
LICENSE_NOTE = "other: texts remain the property of their authors; pipeline code MIT"

FileInfo = Mapping[str, Any]
"""{"bytes": int, "sha256": str} of one release file."""


def _frictionless_type(data_type: pa.DataType) -> str:
    if pa.types.is_string(data_type):
        return "string"
    if pa.types.is_integer(data_type):
        return "integer"
    if pa.types.is_floating(data_type):
        return "number"
    if pa.types.is_boolean(data_type):
        return "boolean"
    if pa.types.is_list(data_type):
        return "array"
    return "object"


def _croissant_type(data_type: pa.DataType) -> str:
    return {
        "string": "sc:Text",
        "integer": "sc:Integer",
        "number": "sc:Float",
        "boolean": "sc:Boolean",
    }.get(_frictionless_type(data_type), "sc:Text")


def _summary(model: type[Record]) -> str:
    return " ".join((model.__doc__ or "").split())


def datapackage(version: str, files: Mapping[str, FileInfo], description: str) -> dict[str, Any]:
    """A Frictionless data package with primary and foreign keys."""
    resources = []
    for model in TABLES:
        schema = arrow_schema(model)
        path = f"data/{model.table}.parquet"
        fields = []
        for name in column_order(model):
            info = model.model_fields[name]
            field: dict[str, Any] = {
                "name": name,
                "type": _frictionless_type(schema.field(name).type),
                "description": info.description or "",
            }
            if not schema.field(name).nullable:
                field["constraints"] = {"required": True}
            fields.append(field)
        table_schema: dict[str, Any] = {"fields": fields}
        if model.primary_key:
            table_schema["primaryKey"] = list(model.primary_key)
        if model.foreign_keys:
            table_schema["foreignKeys"] = [
                {"fields": [column], "reference": {"resource": table, "fields": [target]}}
                for column, table, target in model.foreign_keys
            ]
        resources.append(
            {
                "name": model.table,
                "path": path,
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "bytes": files[path]["bytes"],
                "hash": f"sha256:{files[path]['sha256']}",
                "description": _summary(model),
                "schema": table_schema,
            }
        )
    return {
        "name": DATASET_NAME,
        "title": "Russian political texts corpus",
        "version": version,
        "description": description,
        "licenses": [{"name": "other", "title": LICENSE_NOTE}],
        "resources": resources,
    }


def croissant(version: str, files: Mapping[str, FileInfo], description: str) -> dict[str, Any]:
    """Croissant 1.0 metadata: one FileObject per Parquet file (with sha256) and one RecordSet
    per table, whose foreign-key fields `references` the field they point to."""
    distribution = []
    record_sets = []
    for model in TABLES:
        path = f"data/{model.table}.parquet"
        distribution.append(
            {
                "@type": "cr:FileObject",
                "@id": path,
                "name": path,
                "contentUrl": path,
                "encodingFormat": "application/x-parquet",
                "contentSize": f"{files[path]['bytes']} B",
                "sha256": files[path]["sha256"],
            }
        )
        schema = arrow_schema(model)
        references = {column: (table, target) for column, table, target in model.foreign_keys}
        fields = []
        for name in column_order(model):
            field: dict[str, Any] = {
                "@type": "cr:Field",
                "@id": f"{model.table}/{name}",
                "name": name,
                "description": model.model_fields[name].description or "",
                "dataType": _croissant_type(schema.field(name).type),
                "source": {"fileObject": {"@id": path}, "extract": {"column": name}},
            }
            if name in references:
                table, target = references[name]
                field["references"] = {"field": {"@id": f"{table}/{target}"}}
            fields.append(field)
        record_set: dict[str, Any] = {
            "@type": "cr:RecordSet",
            "@id": model.table,
            "name": model.table,
            "description": _summary(model),
            "field": fields,
        }
        if model.primary_key:
            record_set["key"] = [{"@id": f"{model.table}/{name}"} for name in model.primary_key]
        record_sets.append(record_set)
    return {
        "@context": {
            "@language": "en",
            "@vocab": "https://schema.org/",
            "sc": "https://schema.org/",
            "cr": "http://mlcommons.org/croissant/",
            "dct": "http://purl.org/dc/terms/",
            "citeAs": "cr:citeAs",
            "column": "cr:column",
            "conformsTo": "dct:conformsTo",
            "data": {"@id": "cr:data", "@type": "@json"},
            "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
            "extract": "cr:extract",
            "field": "cr:field",
            "fileObject": "cr:fileObject",
            "key": "cr:key",
            "recordSet": "cr:recordSet",
            "references": "cr:references",
            "source": "cr:source",
        },
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": DATASET_NAME,
        "description": description,
        "version": version,
        "license": LICENSE_NOTE,
        "citeAs": f"Russian political texts corpus, release {version}.",
        "distribution": distribution,
        "recordSet": record_sets,
    }
