"""Every way a content file can be wrong gets a located message; good files pass."""

from __future__ import annotations

import json
import os
import re
import stat
import threading

import pytest

from conftest import copy_icon
from sepsis_viewer import paths
from sepsis_viewer.app import main
from sepsis_viewer.content import ContentError, load_content, validate_file
from sepsis_viewer.content.parse import MAX_FILE_BYTES


def problems_of(path) -> list[str]:
    return [str(p) for p in validate_file(path)]


def only_problem(path) -> str:
    found = problems_of(path)
    assert len(found) == 1, found
    return found[0]


def test_bundled_content_is_valid():
    assert validate_file(paths.bundled_content_path()) == []


# --- syntax: FILE:LINE:COL: message --------------------------------------------------------


def test_syntax_error_has_line_and_column(write_content):
    path = write_content(raw=b'{\n  "format": 1,\n  "language" "en"\n}\n')
    assert only_problem(path) == f"{path}:3:14: invalid JSON: Expecting ':' delimiter"


def test_empty_file(write_content):
    assert only_problem(write_content(raw=b"")).startswith(f"{write_content(raw=b'')}:1:1: invalid JSON")


def test_trailing_garbage(write_content):
    path = write_content(raw=b'{"format": 1} extra')
    assert re.match(rf"{re.escape(str(path))}:1:15: invalid JSON: Extra data", only_problem(path))


def test_utf8_with_byte_order_mark_is_accepted(write_content):
    good = write_content()
    path = write_content(name="bom.json", raw=b"\xef\xbb\xbf" + good.read_bytes())
    assert validate_file(path) == []


def test_utf16_is_refused(write_content):
    path = write_content(raw='{"format": 1}'.encode("utf-16"))
    assert only_problem(path) == f"{path}:1:1: the file is UTF-16; save it as UTF-8"


def test_invalid_utf8_is_located(write_content):
    path = write_content(raw=b'{\n  "language": "caf\xe9"\n}')
    assert only_problem(path) == f"{path}:2:19: not UTF-8 text (byte 0xe9); save the file as UTF-8"


def test_duplicate_keys_are_refused(write_content):
    good = write_content().read_text(encoding="utf-8")
    doubled = good.replace('"title": "Infection",', '"title": "Infection",\n      "title": "Germs",', 1)
    path = write_content(name="dupe.json", raw=doubled.encode())
    assert only_problem(path) == f'{path}: /stages/0: the key "title" appears more than once in this object'


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinity_are_refused(write_content, token):
    good = write_content().read_text(encoding="utf-8")
    text = good.replace('"value": 48.9', f'"value": {token}', 1)
    path = write_content(name="nan.json", raw=text.encode())
    found = only_problem(path)
    assert found.startswith(f"{path}: /numbers/figures/0/value: ") and "not allowed" in found


def test_file_size_is_bounded(write_content):
    path = write_content(raw=b" " * (MAX_FILE_BYTES + 1))
    assert only_problem(path).startswith(f"{path}: the file is too large")


def test_missing_file_and_folder(tmp_path):
    assert only_problem(tmp_path / "nope.json") == f"{tmp_path / 'nope.json'}: no such file"
    assert only_problem(tmp_path) == f"{tmp_path}: is a folder, not a content file"


# --- schema: FILE: /pointer: message --------------------------------------------------------


def test_top_level_must_be_an_object(write_content):
    path = write_content(raw=b"[]")
    assert only_problem(path) == f"{path}: /: should be an object, not a list"


def test_unknown_field_is_reported_with_a_guess(write_content):
    path = write_content(lambda d: d["stages"][1].update(titel="x"))
    assert only_problem(path) == f'{path}: /stages/1/titel: unknown field (did you mean "title"?)'


def test_unknown_top_level_field(write_content):
    path = write_content(lambda d: d.update(colour_scheme="dark"))
    found = only_problem(path)
    assert found.startswith(f"{path}: /colour_scheme: unknown field")


def test_missing_field(write_content):
    path = write_content(lambda d: d["risk_groups"]["items"][2].pop("summary"))
    assert only_problem(path) == f'{path}: /risk_groups/items/2: missing the required field "summary"'


def test_wrong_type(write_content):
    path = write_content(lambda d: d["stages"][0].update(signs="fever"))
    assert only_problem(path) == f"{path}: /stages/0/signs: should be a list, not a string"


def test_text_length_is_bounded(write_content):
    path = write_content(lambda d: d["mechanisms"]["items"][0].update(title="x" * 49))
    assert only_problem(path) == f"{path}: /mechanisms/items/0/title: text is too long (49 characters; the limit is 48)"


@pytest.mark.parametrize("text, message", [("", "text is empty"), ("   ", "text is blank"),
                                           ("a\x07b", "text holds a control character")])
def test_blank_text_is_refused(write_content, text, message):
    path = write_content(lambda d: d["stages"][2].update(summary=text))
    assert only_problem(path) == f"{path}: /stages/2/summary: {message}"


def test_bad_date(write_content):
    path = write_content(lambda d: d.update(last_reviewed="2026-02-30"))
    assert only_problem(path) == f'{path}: /last_reviewed: "2026-02-30" is not a date of the form YYYY-MM-DD'


def test_bad_id(write_content):
    path = write_content(lambda d: d["stages"][0].update(id="Stage One"))
    assert "/stages/0/id" in only_problem(path) and "is not an id" in only_problem(path)


def test_every_problem_is_reported_not_just_the_first(write_content):
    def break_twice(doc):
        doc["stages"][0]["titel"] = "x"
        doc["references"][0]["url"] = "ftp://example"

    found = problems_of(write_content(break_twice))
    assert len(found) == 2 and "/references/0/url" in found[0] and "/stages/0/titel" in found[1]


# --- meaning ---------------------------------------------------------------------------------


def test_duplicate_ids(write_content):
    path = write_content(lambda d: d["risk_groups"]["items"][1].update(id="lungs"))
    assert only_problem(path) == f'{path}: /risk_groups/items/1/id: the id "lungs" is already used at /infection_sources/items/0/id'


def test_reserved_ids(write_content):
    path = write_content(lambda d: d["stages"][0].update(id="about"))
    assert "reserved" in only_problem(path)


def test_duplicate_reference_ids(write_content):
    path = write_content(lambda d: d["references"].append(dict(d["references"][0])))
    assert only_problem(path) == f'{path}: /references/14/id: the reference id "singer-2016" is already used at /references/0'


def test_unresolved_reference(write_content):
    path = write_content(lambda d: d["stages"][3]["sources"].append("singer-2061"))
    assert only_problem(path) == (
        f'{path}: /stages/3/sources/3: cites "singer-2061", which is not in /references (did you mean "singer-2016"?)'
    )


def test_stage_numbers_must_run_in_order(write_content):
    path = write_content(lambda d: d["stages"][1].update(number=3))
    assert only_problem(path) == f"{path}: /stages/1/number: stage 2 in the list is numbered 3"


def test_call_to_action_needs_the_number_placeholder(write_content):
    path = write_content(lambda d: d["call_to_action"].update(action="Call now"))
    assert only_problem(path).startswith(f"{path}: /call_to_action/action: must hold")


# --- assets ---------------------------------------------------------------------------------


def _icon(write_content, value):
    return write_content(lambda d: d["stages"][0].update(icon=value))


@pytest.mark.parametrize("value, words", [
    ("/etc/passwd.svg", "absolute path"),
    ("C:/icons/a.svg", "absolute path"),
    ("../outside.svg", 'leads out of the content\'s folder with ".."'),
    ("icons/../../x.svg", "leads out"),
    ("https://example.org/a.svg", "is a URL"),
    ("file:icons/a.svg", "is a URL"),
    ("icons\\lungs.svg", "backslashes"),
    ("icons/missing.svg", "does not exist"),
    ("icons/lungs.gif", "neither an .svg nor a .png"),
    ("no-such-icon", "not one of the bundled icons"),
])
def test_icon_references_that_are_refused(write_content, value, words):
    found = only_problem(_icon(write_content, value))
    assert found.startswith(f"{_icon(write_content, value)}: /stages/0/icon: ") and words in found


def test_icon_next_to_the_file_is_accepted(write_content, tmp_path):
    copy_icon(tmp_path)
    assert validate_file(_icon(write_content, "icons/lungs.svg")) == []


def test_symlink_leading_out_is_refused(write_content, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.svg"
    outside.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (tmp_path / "link.svg").symlink_to(outside)
    assert "through a symbolic link" in only_problem(_icon(write_content, "link.svg"))


@pytest.mark.parametrize("svg, words", [
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
     '<image xlink:href="https://example.org/x.png"/></svg>', "outside file or address"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>', "outside file"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x/y)"/></svg>', "outside file"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style></svg>', "outside"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
    ('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', "DOCTYPE"),
    ("<svg", "not a valid SVG"),
    ("<html/>", "top element is not <svg>"),
])
def test_svg_assets_may_not_reach_outside(write_content, tmp_path, svg, words):
    (tmp_path / "bad.svg").write_text(svg, encoding="utf-8")
    assert words in only_problem(_icon(write_content, "bad.svg"))


def test_svg_with_local_references_is_fine(write_content, tmp_path):
    (tmp_path / "ok.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
        '<rect fill="url(#g)" width="4" height="4"/><use href="#g"/></svg>'
    )
    assert validate_file(_icon(write_content, "ok.svg")) == []


def test_fake_png_is_refused(write_content, tmp_path):
    (tmp_path / "fake.png").write_bytes(b"GIF89a")
    assert "not a PNG image" in only_problem(_icon(write_content, "fake.png"))


def test_load_content_raises_content_error_with_all_problems(write_content):
    path = write_content(lambda d: d["stages"][0].update(titel="x", summary=""))
    with pytest.raises(ContentError) as info:
        load_content(path)
    assert len(info.value.problems) == 2
    assert str(info.value).endswith("(and 1 more problem)")


# --- the command ------------------------------------------------------------------------------


def test_validate_command_prints_problems_and_exits_1(write_content, capsys):
    bad = write_content(lambda d: d["stages"][1].update(titel="x"))
    assert main(["validate", str(bad)]) == 1
    assert capsys.readouterr().out == f'{bad}: /stages/1/titel: unknown field (did you mean "title"?)\n'


def test_validate_command_summarises_a_good_file(capsys):
    good = paths.bundled_content_path()
    assert main(["validate", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{good}: valid: 4 stages, 4 mechanisms, 7 infection sources, 9 risk groups")
    assert out.count("\n") == 1


def test_validate_command_checks_every_file(write_content, capsys):
    bad = write_content(raw=b"{")
    assert main(["validate", str(paths.bundled_content_path()), str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "valid" in lines[0] and lines[1].startswith(f"{bad}:1:2: invalid JSON")


def test_validate_without_files_is_a_usage_error(capsys):
    assert main(["validate"]) == 2
    assert "usage" in capsys.readouterr().out


def _folder(path):
    path.mkdir()


def _named_pipe(path):
    os.mkfifo(path)  # opened for reading, it would wait for a writer that never comes


def _symlink_loop(path):
    path.symlink_to(path.name)  # the link points at itself: opening it fails for root too


def _under_a_file(path):
    path.write_text("{}")
    return path / "custom.json"  # a "folder" that is a file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("make, words", [
    (_folder, "is a folder, not a content file"),
    (_named_pipe, "is not a regular file, so it cannot be a content file"),
    (_symlink_loop, "cannot be read (Too many levels of symbolic links)"),
    (_under_a_file, "cannot be read (Not a directory)"),
], ids=["folder", "named-pipe", "symlink-loop", "under-a-file"])
def test_something_that_is_not_a_readable_file(tmp_path, capsys, make, words):
    """Unreadable whoever runs the check (root reads a file of mode 000), and never a wait."""
    path = tmp_path / "custom.json"
    path = make(path) or path
    outcome = []
    checker = threading.Thread(target=lambda: outcome.append(main(["validate", str(path)])), daemon=True)
    checker.start()
    checker.join(timeout=60)  # a guard against hanging the suite, not a timing under test
    if checker.is_alive() and stat.S_ISFIFO(os.stat(path).st_mode):
        with open(path, "wb"):  # let the blocked reader go
            pass
    assert outcome == [1], "validate did not answer: it waited on the input"
    assert capsys.readouterr().out == f"{path}: {words}\n"
    with pytest.raises(ContentError) as info:
        load_content(path)
    assert str(info.value) == f"{path}: {words}"


# --- any input at all ------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*prefix, index))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_any_bytes_give_problems_never_a_traceback(tmp_path, data):
    path = tmp_path / "fuzz.json"
    path.write_bytes(data)
    for problem in validate_file(path):
        assert str(problem).startswith(str(path))


def _resolve(doc, pointer: str):
    """The value a JSON pointer names in a document; KeyError or IndexError if it names nothing."""
    node = doc
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.data(), value=json_values)
def test_any_changed_value_gives_located_problems_or_loads(write_content, bundled_doc, choice, value):
    all_paths = [p for p in _paths(bundled_doc) if p]
    where = choice.draw(st.sampled_from(all_paths))

    def change(doc):
        node = doc
        for part in where[:-1]:
            node = node[part]
        node[where[-1]] = value

    path = write_content(change)
    written = json.loads(path.read_text(encoding="utf-8"), parse_constant=float)
    problems = validate_file(path)
    if not problems:
        assert load_content(path).path == path.resolve()  # no problem said: the file is shown
        return
    for problem in problems:
        # The file was written by json.dumps: every problem is a place in the document, not a line.
        assert problem.file == str(path) and problem.line is None and problem.pointer is not None, problem
        assert str(problem).startswith(f"{path}: /") and problem.message.strip(), problem
        _resolve(written, problem.pointer)  # a place that is there in the file
    with pytest.raises(ContentError) as info:
        load_content(path)
    assert info.value.problems == tuple(problems)
