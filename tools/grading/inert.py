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
import functools
import html as entities
import re
import threading
from html.parser import HTMLParser

import bleach
from bleach.html5lib_shim import convert_entities
from jinja2 import pass_context
from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
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


# A cell's source up to CACHED_CHARS is rendered (or highlighted) once per grading process, then remembered, at most
# CACHED_CELLS of them: the assignment's own cells are at most 3 KB, 45 per notebook. Both bounds are small, since a
# cache outlives the submission that filled it: what a hostile class can make a worker keep is at most about
# CACHED_CELLS x (CACHED_CHARS + its HTML, about ten times larger when highlighted), some 45 MB per cache.
CACHED_CHARS = 8 * 1024
CACHED_CELLS = 512


def render_markdown(source, attachments=None):
    """A markdown cell as inert HTML: nbconvert's renderer (formulas left as LaTeX text), then ``clean``.

    The assignment's own cells are the same in every submission: a cell without attachments and of at most
    ``CACHED_CHARS`` characters is rendered once per process (at most ``CACHED_CELLS`` are kept).
    """
    if not attachments and len(source) <= CACHED_CHARS:
        return _rendered(source)
    return _render(source, attachments)


@functools.lru_cache(maxsize=CACHED_CELLS)
def _rendered(source):
    return _render(source, None)


def _render(source, attachments):
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
    """nbgrader's feedback page with a Content-Security-Policy that forbids every script (``CSP``).

    The page is rendered as nbconvert's ``HTMLExporter`` renders it, less two costs paid per submission:

    * its BeautifulSoup pass over the finished page (a parse and re-serialisation of the whole page, most of the
      feedback's time), whose one effect on this template is a text for images that have none (``alt``):
      :func:`with_image_text` gives it, and reads the page only when it has an image;
    * a new Jinja environment per page: one is kept per thread (:meth:`_create_environment`), so a grading
      process compiles the template once, not once per submission.
    """

    image_text = "No description has been provided for this image"  # nbconvert's text for an image without one

    def _create_environment(self):
        """This thread's environment for these template paths, with this exporter's filters registered on it."""
        key = (threading.get_ident(), type(self), tuple(self.template_paths), self.template_extension,
               self.raw_template)
        environment = _ENVIRONMENTS.get(key)
        if environment is None:
            environment = _ENVIRONMENTS[key] = super()._create_environment()
            return environment
        for name, value in [*self.default_filters(), *self.filters.items()]:  # as nbconvert's own environment
            self._register_filter(environment, name, value)
        return environment

    def from_notebook_node(self, nb, resources=None, **kw):
        # HTMLExporter.from_notebook_node, from nbconvert 7.17, without its BeautifulSoup pass
        language = nb.metadata.get("language_info", {})
        lexer = language.get("pygments_lexer", language.get("name", None))
        resources = self._init_resources(resources)
        self.register_filter("highlight_code", self.filters.get("highlight_code", Highlighted(lexer)))
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata,
                                                                       parent=self, resources=resources))
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return with_csp(with_image_text(html, self.image_text)), resources


_ENVIRONMENTS = {}  # (thread, exporter class, template paths, ...) -> Jinja environment, its templates compiled


class Highlighted:
    """nbconvert's ``highlight_code`` filter (``Highlight2HTML``, default options) for the lexer ``lexer``, which
    highlights each code cell of at most ``CACHED_CHARS`` characters once per process (the assignment's own cells
    are the same in every submission). Of a cell's metadata, the highlighting reads ``magics_language`` only."""

    def __init__(self, lexer):
        self.lexer = lexer

    def __call__(self, source, language=None, metadata=None):
        magics = (metadata or {}).get("magics_language")
        if len(source) > CACHED_CHARS or not isinstance(magics, (str, type(None))):
            return Highlight2HTML(pygments_lexer=self.lexer)(source, language, metadata)
        return _highlighted(self.lexer, language, magics, source)


@functools.lru_cache(maxsize=CACHED_CELLS)
def _highlighted(lexer, language, magics, source):
    return Highlight2HTML(pygments_lexer=lexer)(source, language, {"magics_language": magics} if magics else None)


class _ImageTags(HTMLParser):
    """Where in a page the ``<img>`` tags without an ``alt`` attribute start (offsets)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.lines = [0, *(match.end() for match in re.finditer("\n", html))]  # where each line starts
        self.without_text = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "img" and not any(name == "alt" for name, _ in attrs):
            line, column = self.getpos()
            self.without_text.append(self.lines[line - 1] + column)

    handle_startendtag = handle_starttag


def with_image_text(html, text):
    """``html`` with ``alt="text"`` (escaped) on every ``<img>`` tag that has no ``alt``.

    The tags are found by the standard library's HTML tokenizer, so an ``<img`` inside an attribute's value or
    a comment is not one; a page without the four characters ``<img`` is returned as it is, unread.
    """
    if "<img" not in html.lower():
        return html
    attribute = f' alt="{entities.escape(text)}"'
    parts, last = [], 0
    for offset in _ImageTags(html).without_text:
        parts += [html[last:offset + 4], attribute]
        last = offset + 4
    return "".join(parts) + html[last:]


def with_csp(html):
    """``html`` with the ``CSP`` meta element first in its ``<head>``, before anything it governs."""
    head = re.search(r"<head(\s[^>]*)?>", html, re.IGNORECASE)
    if head is None:
        raise ValueError("the feedback page has no <head>: its Content-Security-Policy cannot be set")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    return html[:head.end()] + meta + html[head.end():]
