"""Checks that an icon named by a content file is safe to draw: bundled, or a file inside its folder."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

MAX_ASSET_BYTES = 512 * 1024
_BUNDLED_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_FORBIDDEN_SVG_ELEMENTS = {"script", "foreignObject", "iframe"}
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class AssetProblem(Exception):
    """An icon reference that cannot be used; the message says why."""


def resolve_icon(value: str, base_dir: Path, bundled_dir: Path) -> Path:
    """The file an icon reference stands for, or AssetProblem saying why it is refused."""
    if _BUNDLED_NAME.fullmatch(value):
        path = bundled_dir / f"{value}.svg"
        if not path.is_file():
            raise AssetProblem(f'"{value}" is not one of the bundled icons (see assets/icons)')
        return path
    return _resolve_relative(value, base_dir)


def _resolve_relative(value: str, base_dir: Path) -> Path:
    if _WINDOWS_DRIVE.match(value) or value.startswith(("/", "\\")):
        raise AssetProblem(f'"{value}" is an absolute path; give a path relative to the content file')
    if _URL.match(value) or "//" in value:
        raise AssetProblem(f'"{value}" is a URL; the app never uses the network, give a file next to the content file')
    if "\\" in value:
        raise AssetProblem(f'"{value}" uses backslashes; separate folders with "/"')
    parts = PurePosixPath(value).parts
    if ".." in parts:
        raise AssetProblem(f'"{value}" leads out of the content\'s folder with ".."')
    if PurePosixPath(value).suffix.lower() not in (".svg", ".png"):
        raise AssetProblem(f'"{value}" is neither an .svg nor a .png file, nor a bundled icon name')
    root = base_dir.resolve()
    path = (base_dir / value).resolve()
    if not path.is_relative_to(root):
        raise AssetProblem(f'"{value}" points outside the content\'s folder (through a symbolic link)')
    if not path.is_file():
        raise AssetProblem(f'"{value}" does not exist next to the content file')
    _check_file(path, value)
    return path


def _check_file(path: Path, value: str) -> None:
    size = path.stat().st_size
    if size > MAX_ASSET_BYTES:
        raise AssetProblem(f'"{value}" is too large ({size:,} bytes; the limit is {MAX_ASSET_BYTES:,})')
    data = path.read_bytes()
    if path.suffix.lower() == ".png":
        if not data.startswith(_PNG_MAGIC):
            raise AssetProblem(f'"{value}" is not a PNG image')
        return
    problem = svg_problem(data)
    if problem:
        raise AssetProblem(f'"{value}": {problem}')


def svg_problem(data: bytes) -> str | None:
    """Why an SVG may not be drawn (not SVG, or it reaches outside itself), or None if it is fine."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "not a UTF-8 SVG file"
    # Entities can expand without bound or pull in files: refuse them before parsing.
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return "SVG files with a DOCTYPE or entities are not allowed"
    import xml.etree.ElementTree as ElementTree  # only custom icons need it: kept off the start-up path

    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        return f"not a valid SVG file ({exc})"
    if _local(root.tag) != "svg":
        return "not an SVG file (the top element is not <svg>)"
    for element in root.iter():
        name = _local(element.tag)
        if name in _FORBIDDEN_SVG_ELEMENTS:
            return f"SVG holds a <{name}> element, which is not allowed"
        for attr, attr_value in element.attrib.items():
            reason = _external_reference(_local(attr), attr_value)
            if reason:
                return reason
        if name == "style" and element.text:
            reason = _external_reference("style", element.text)
            if reason:
                return reason
    return None


def _external_reference(attr: str, value: str) -> str | None:
    if attr == "href" and not value.strip().startswith("#"):
        return f'SVG refers to an outside file or address ("{value.strip()[:60]}")'
    for target in _CSS_URL.findall(value):
        if not target.startswith("#"):
            return f'SVG refers to an outside file or address ("{target[:60]}")'
    if "@import" in value.lower():
        return "SVG style imports an outside file"
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
