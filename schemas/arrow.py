"""Arrow schemas derived from the pydantic models, so Parquet never infers a schema and
never drifts from the models."""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

from schemas.models import Record

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}


def arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """Map a field annotation to (Arrow type, nullable)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return arrow_type(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(members) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        inner, _ = arrow_type(members[0])
        return inner, True
    if origin is Literal:
        kinds = {type(value) for value in get_args(annotation)}
        if len(kinds) != 1:
            raise TypeError(f"mixed literal {annotation!r}")
        return _SCALARS[kinds.pop()], False
    if origin is list:
        (item,) = get_args(annotation)
        inner, _ = arrow_type(item)
        return pa.list_(pa.field("item", inner, nullable=False)), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(list(_fields(annotation))), False
    if annotation in _SCALARS:
        return _SCALARS[annotation], False
    raise TypeError(f"no Arrow type for {annotation!r}")


def column_order(model: type[BaseModel]) -> list[str]:
    """Key columns first, the span last: the order users see in every output."""
    names = list(model.model_fields)
    keys = [name for name in getattr(model, "primary_key", ()) if name in names]
    tail = [name for name in ("start", "end") if name in names and name not in keys]
    return keys + [name for name in names if name not in keys and name not in tail] + tail


def _fields(model: type[BaseModel]) -> list[pa.Field]:
    fields = []
    for name in column_order(model):
        info = model.model_fields[name]
        data_type, nullable = arrow_type(info.annotation)
        metadata = {"description": info.description} if info.description else None
        fields.append(pa.field(name, data_type, nullable=nullable, metadata=metadata))
    return fields


def arrow_schema(model: type[Record]) -> pa.Schema:
    """The Parquet schema of one table, with each field's description as metadata."""
    return pa.schema(_fields(model), metadata={"table": model.table})
