"""Machine-readable descriptions of a release — Croissant (JSON-LD) and a Frictionless data
package — generated from the same pydantic models as the Parquet schemas. Pure."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from schemas import TABLES, Record
from schemas.arrow import arrow_schema, column_order

DATASET_NAME = "ru-political-corpus"
TITLE = "Russian political texts corpus"
AUTHOR = "The ru-political-corpus contributors"
"""Who the dataset is cited as: the people behind the pipeline, as one group (the texts'
own authors are named, where their text shows them, in the tables)."""
LICENSE_NOTE = "other: texts remain the property of their authors; pipeline code MIT"
LICENSE_NAME = "rights-remain-with-authors"
LICENSE_FILE = "LICENSE.md"
"""The release file that states the rights, per source (the card's `license_link`)."""

CROISSANT_CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
"""The standard JSON-LD context of Croissant 1.0, whole: readers warn about a trimmed one."""

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


def _description(model: type[Record], name: str) -> str:
    return model.model_fields[name].description or ""


def bibtex(version: str, date_published: str | None) -> str:
    """A BibTeX entry for this release (`@misc`, as for any dataset)."""
    fields = {
        "author": "{" + AUTHOR + "}",
        "title": "{" + TITLE + "}",
        "version": version,
        "year": date_published[:4] if date_published else None,
        "note": f"Release {version}",
    }
    key = f"{DATASET_NAME.replace('-', '_')}_{version.replace('.', '_').replace('-', '_')}"
    lines = [f"@misc{{{key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields.items() if value]
    return "\n".join([*lines, "}"])


def citation_cff(version: str, description: str, date_published: str | None) -> str:
    """CITATION.cff (Citation File Format 1.2.0) of the release, written by hand: every
    value is a JSON string, which is valid YAML."""
    lines = [
        "cff-version: 1.2.0",
        "message: If you use this dataset, please cite it as below.",
        "type: dataset",
        f"title: {json.dumps(TITLE)}",
        f"version: {json.dumps(version)}",
        "authors:",
        f"  - name: {json.dumps(AUTHOR)}",
        f"abstract: {json.dumps(description, ensure_ascii=False)}",
    ]
    if date_published:
        lines.append(f"date-released: {json.dumps(date_published)}")
    lines += ["keywords:", '  - "political texts"', '  - "Russia"', '  - "corpus"']
    return "\n".join(lines) + "\n"


def datapackage(version: str, files: Mapping[str, FileInfo], description: str) -> dict[str, Any]:
    """A Frictionless data package with primary and foreign keys (a key into its own table,
    such as `comments.parent_id`, names the resource "", as the standard asks)."""
    resources = []
    for model in TABLES:
        schema = arrow_schema(model)
        path = f"data/{model.table}.parquet"
        fields = []
        for name in column_order(model):
            field: dict[str, Any] = {
                "name": name,
                "type": _frictionless_type(schema.field(name).type),
                "description": _description(model, name),
            }
            if not schema.field(name).nullable:
                field["constraints"] = {"required": True}
            fields.append(field)
        table_schema: dict[str, Any] = {"fields": fields}
        if model.primary_key:
            table_schema["primaryKey"] = list(model.primary_key)
        if model.foreign_keys:
            table_schema["foreignKeys"] = [
                {
                    "fields": [column],
                    "reference": {
                        "resource": "" if table == model.table else table,
                        "fields": [target],
                    },
                }
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
        "title": TITLE,
        "version": version,
        "description": description,
        "licenses": [{"name": "other", "title": LICENSE_NOTE, "path": LICENSE_FILE}],
        "resources": resources,
    }


def _croissant_field(
    model: type[Record], name: str, data_type: pa.DataType, path: str
) -> dict[str, Any]:
    """A column as a Croissant field. A list column is `repeated`; a list of structs (or a
    struct) has one `subField` per struct field, each read from the column by `jsonPath`."""
    field_id = f"{model.table}/{name}"
    field: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": field_id,
        "name": name,
        "description": _description(model, name),
    }
    source = {"fileObject": {"@id": path}, "extract": {"column": name}}
    item = data_type.value_type if pa.types.is_list(data_type) else data_type
    if pa.types.is_list(data_type):
        field["repeated"] = True
    if pa.types.is_struct(item):
        field["subField"] = [
            {
                "@type": "cr:Field",
                "@id": f"{field_id}/{part.name}",
                "name": part.name,
                "dataType": _croissant_type(part.type),
                "source": {**source, "transform": {"jsonPath": part.name}},
            }
            for part in item
        ]
    else:
        field["dataType"] = _croissant_type(item)
        field["source"] = source
    return field


def croissant(
    version: str,
    files: Mapping[str, FileInfo],
    description: str,
    date_published: str | None = None,
) -> dict[str, Any]:
    """Croissant 1.0 metadata: one FileObject per Parquet file (with sha256) and one RecordSet
    per table, whose foreign-key fields `references` the field they point to.

    A key into its own record set (`comments.parent_id`) is left to its description:
    Croissant readers join a reference's record set before reading the field, and a record
    set that must be read before itself is a cycle (mlcroissant refuses it)."""
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
        references = {
            column: (table, target)
            for column, table, target in model.foreign_keys
            if table != model.table
        }
        fields = []
        for name in column_order(model):
            field = _croissant_field(model, name, schema.field(name).type, path)
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
    dataset: dict[str, Any] = {
        "@context": dict(CROISSANT_CONTEXT),
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": DATASET_NAME,
        "description": description,
        "version": version,
        "license": LICENSE_NOTE,
        "creator": {"@type": "sc:Organization", "name": AUTHOR},
        "citeAs": bibtex(version, date_published),
    }
    if date_published:
        dataset["datePublished"] = date_published
    return {**dataset, "distribution": distribution, "recordSet": record_sets}
