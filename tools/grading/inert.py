"""Student content made inert wherever a person looks at it (nbconvert plugins, configured in ``nbgrader_config.py``).

Two HTML pages are rendered from a student's notebook: the feedback (nbgrader's ``generate_feedback``) and the
formgrader's view of an autograded submission (``make lab``). Both use nbconvert's ``HTMLExporter`` with
nbgrader's templates, which render markdown cells with the ``markdown2html`` filter and no cleaning at all
(nbconvert's ``sanitize_html`` switch does not reach them: they override the block that honours it).

``markdown2html``
    replaces nbconvert's filter of that name: the markdown is rendered by nbconvert's own renderer, then cleaned
    by bleach (nbconvert's sanitizer library) to an allow-list of formatting tags and attributes. No script, no
    event handler, no ``style``, ``id`` or ``class``, no ``javascript:`` or ``data:`` link, no iframe, svg,
    form or object survive; a tag that is not allowed is shown as text, so the reader sees what was attempted.
    Images keep only ``data:image/...`` sources (pasted attachments): student content makes no request, not
    even a GET with the instructor's cookies.
``FeedbackPage``
    the feedback's exporter: nbconvert's ``HTMLExporter`` whose page carries a Content-Security-Policy
    (``CSP``) that allows inline styles and ``data:`` images and nothing else: no script runs in the page, even
    one that got past the cleaning. MathJax is a script too, so formulas show as their LaTeX source.

Code outputs (shown by the formgrader; the feedback has only the grader's messages) go through nbconvert's own
``sanitize_html`` (``HTMLExporter.sanitize_html = True``): HTML and markdown outputs cleaned, JavaScript and
widget outputs not rendered.
"""
import html as entities
import re

import bleach
from bleach.html5lib_shim import convert_entities
from jinja2 import pass_context
from nbconvert.exporters import HTMLExporter
from nbconvert.filters.markdown_mistune import InvalidNotebook, IPythonRenderer, MarkdownWithMath

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

TAGS = frozenset({
    "a", "abbr", "acronym", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
})
ATTRIBUTES = {
    "a": {"href", "title"}, "abbr": {"title"}, "acronym": {"title"}, "font": {"color"}, "ol": {"start"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align"},
}
LINKS = ("http", "https", "mailto")  # link schemes; relative links and anchors are allowed too


def _normalized(uri):
    """``uri`` as bleach reads it to find its scheme (bleach's ``sanitize_uri_value``): entities decoded, control
    characters, whitespace and non-ASCII removed, lower case."""
    uri = re.sub(r"[`\000-\040\177-\240\s]+", "", convert_entities(uri))
    return re.sub(r"[^\x00-\x7f]", "", uri).lower()


def _allowed(tag, name, value):
    """bleach's attribute filter: the allow-list; an image's source is a ``data:image/`` URL (it loads nothing),
    a link is no ``data:`` URL (bleach allows only ``LINKS`` schemes besides)."""
    if name not in ATTRIBUTES.get(tag, ()):
        return False
    if name == "src":
        return _normalized(value).startswith("data:image/")
    if name == "href":
        return not _normalized(value).startswith("data:")
    return True


def clean(html):
    """``html`` with only the allowed tags and attributes; anything else escaped (shown as text)."""
    return bleach.clean(html, tags=TAGS, attributes=_allowed, protocols=(*LINKS, "data"), strip=False,
                        strip_comments=True)


def render_markdown(source, attachments=None):
    """A markdown cell as inert HTML: nbconvert's renderer (formulas left as LaTeX text), then ``clean``."""
    renderer = IPythonRenderer(escape=False, attachments=attachments or {}, exclude_anchor_links=True)
    try:
        html = MarkdownWithMath(renderer=renderer).render(source)
    except InvalidNotebook:  # a missing attachment: the cell's text as written
        html = "<pre>" + entities.escape(source) + "</pre>"
    return clean(html)


@pass_context
def markdown2html(context, source):
    """The ``markdown2html`` template filter, inert (see the module docstring)."""
    cell = context.get("cell") or {}
    return render_markdown(source, cell.get("attachments"))


class FeedbackPage(HTMLExporter):
    """nbgrader's feedback page with a Content-Security-Policy that forbids every script (``CSP``)."""

    def from_notebook_node(self, nb, resources=None, **kw):
        html, resources = super().from_notebook_node(nb, resources, **kw)
        return with_csp(html), resources


def with_csp(html):
    """``html`` with the ``CSP`` meta element first in its ``<head>``, before anything it governs."""
    head = re.search(r"<head(\s[^>]*)?>", html, re.IGNORECASE)
    if head is None:
        raise ValueError("the feedback page has no <head>: its Content-Security-Policy cannot be set")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    return html[:head.end()] + meta + html[head.end():]
