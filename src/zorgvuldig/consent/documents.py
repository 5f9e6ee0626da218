# SPDX-License-Identifier: EUPL-1.2
"""The signed consent form as uploaded: checked to be what it claims before anything is kept.

art4.4 wants the signed form in the dossier. A scan or a PDF arrives with a file name and a
declared content type; both must agree with what the bytes really are, and the bytes must be a
readable PDF (at least one page, parsed with pypdf) or a readable PNG or JPEG image (decoded
with Pillow). Anything else is :class:`~zorgvuldig.core.errors.InvalidInput` naming the field,
raised before the gate decides or writes anything.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from zorgvuldig.core.errors import InvalidInput

FIELD = "form"
MAX_BYTES = 10 * 1024 * 1024
MAX_NAME_LENGTH = 200
_GENERIC_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_UNSAFE_NAME_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Kind:
    code: str
    label: str  # Dutch, as in "de inhoud is een PNG-afbeelding"
    content_type: str
    content_types: tuple[str, ...]
    extensions: tuple[str, ...]
    magic: bytes


PDF = Kind(
    "pdf",
    "een PDF-bestand",
    "application/pdf",
    ("application/pdf", "application/x-pdf"),
    (".pdf",),
    b"%PDF-",
)
PNG = Kind(
    "png", "een PNG-afbeelding", "image/png", ("image/png",), (".png",), b"\x89PNG\r\n\x1a\n"
)
JPEG = Kind(
    "jpeg",
    "een JPEG-afbeelding",
    "image/jpeg",
    ("image/jpeg", "image/jpg", "image/pjpeg"),
    (".jpg", ".jpeg"),
    b"\xff\xd8\xff",
)
KINDS = (PDF, PNG, JPEG)
ACCEPT = ",".join(t for kind in KINDS for t in (kind.content_type, *kind.extensions))


@dataclass(frozen=True, slots=True)
class UploadedForm:
    """A file as it came in: the name and content type its sender gave, and its bytes."""

    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True, slots=True)
class CheckedForm:
    """A form that is what it claims: ready to be stored."""

    filename: str
    content_type: str
    content: bytes
    size: int
    sha256: str
    kind: str


def _invalid(message: str, field: str) -> InvalidInput:
    return InvalidInput({field: message})


def from_upload(upload, field: str = FIELD) -> UploadedForm:
    """Read a Django ``UploadedFile``; one over the limit is refused before it is read."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise _invalid(_too_large(upload.size), field)
    content = upload.read(MAX_BYTES + 1)
    return UploadedForm(upload.name or "", upload.content_type or "", content)


def _too_large(size: int) -> str:
    return (
        f"Het bestand is {size / 1024 / 1024:.1f} MB; een toestemmingsformulier mag "
        f"hoogstens {MAX_BYTES // 1024 // 1024} MB zijn."
    )


def _clean_name(filename: str, field: str) -> str:
    name = re.split(r"[\\/]", filename or "")[-1]
    name = _UNSAFE_NAME_CHARACTERS.sub("", name).strip()
    if not name:
        raise _invalid(
            "Het bestand heeft geen naam; geef een naam die eindigt op .pdf, .png, .jpg of .jpeg.",
            field,
        )
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        name = stem[: MAX_NAME_LENGTH - len(extension) - 1] + dot + extension
    return name


def _declared(name: str, content_type: str, field: str) -> Kind:
    """The kind the name and the content type claim; they must claim the same."""
    extension = "." + name.rpartition(".")[2].lower() if "." in name else ""
    by_name = next((k for k in KINDS if extension in k.extensions), None)
    if by_name is None:
        raise _invalid(
            f"'{name}' is geen PDF, PNG of JPEG: de bestandsnaam moet eindigen op "
            ".pdf, .png, .jpg of .jpeg.",
            field,
        )
    declared_type = content_type.split(";")[0].strip().lower()
    if declared_type in _GENERIC_TYPES:
        return by_name
    by_type = next((k for k in KINDS if declared_type in k.content_types), None)
    if by_type is None:
        raise _invalid(
            f"'{name}' is opgegeven als '{declared_type}'; alleen een PDF, PNG of "
            "JPEG is toegestaan.",
            field,
        )
    if by_type is not by_name:
        raise _invalid(
            f"Het bestand is niet wat het zegt te zijn: de naam '{name}' wijst op "
            f"{by_name.label}, het opgegeven type '{declared_type}' op "
            f"{by_type.label}.",
            field,
        )
    return by_name


def _actual(content: bytes) -> Kind | None:
    return next((k for k in KINDS if content.startswith(k.magic)), None)


def _check_pdf(content: bytes, field: str) -> None:
    try:
        reader = PdfReader(io.BytesIO(content))
        pages = len(reader.pages)
    except FileNotDecryptedError:
        raise _invalid(
            "Het PDF-bestand is met een wachtwoord beveiligd; lever het zonder "
            "wachtwoord aan, anders kan niemand het later lezen.",
            field,
        ) from None
    except (
        PyPdfError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        AttributeError,
        RecursionError,
        OSError,
    ):
        raise _invalid("Het PDF-bestand is beschadigd of onleesbaar.", field) from None
    if pages < 1:
        raise _invalid("Het PDF-bestand heeft geen enkele pagina.", field)


def _check_image(content: bytes, kind: Kind, field: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                image.verify()
            with Image.open(io.BytesIO(content)) as image:
                if image.format != kind.code.upper():
                    raise _invalid("De afbeelding is beschadigd of onleesbaar.", field)
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _invalid(
            "De afbeelding heeft te veel beeldpunten om veilig te openen; scan "
            "het formulier met een lagere resolutie.",
            field,
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _invalid("De afbeelding is beschadigd of onleesbaar.", field) from None


def check(form: UploadedForm, field: str = FIELD) -> CheckedForm:
    """The form, checked: not empty, at most 10 MB, a PDF or an image that is what its name
    and content type say. Raises :class:`InvalidInput` on ``field`` otherwise."""
    content = bytes(form.content or b"")
    if not content:
        raise _invalid(
            "Het bestand is leeg; kies het ondertekende formulier (PDF, PNG of JPEG).", field
        )
    if len(content) > MAX_BYTES:
        raise _invalid(_too_large(len(content)), field)
    name = _clean_name(form.filename, field)
    declared = _declared(name, form.content_type or "", field)
    actual = _actual(content)
    if actual is None:
        raise _invalid(
            f"Het bestand is niet wat het zegt te zijn: '{name}' is opgegeven als "
            f"{declared.label}, maar de inhoud is geen PDF, PNG of JPEG.",
            field,
        )
    if actual is not declared:
        raise _invalid(
            f"Het bestand is niet wat het zegt te zijn: '{name}' is opgegeven als "
            f"{declared.label}, maar de inhoud is {actual.label}.",
            field,
        )
    if actual is PDF:
        _check_pdf(content, field)
    else:
        _check_image(content, actual, field)
    return CheckedForm(
        filename=name,
        content_type=actual.content_type,
        content=content,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        kind=actual.code,
    )
