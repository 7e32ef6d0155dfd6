"""Configuration of the Jupyter server that `make lab` starts (JupyterLab with nbgrader's formgrader).

`make lab` puts this folder first on JUPYTER_CONFIG_PATH: it is read after the instructor's own Jupyter config,
and wins over it for the headers only.

Content-Security-Policy of every page the server sends: scripts, styles, fonts, images, frames and connections
from this server only (no plugin objects, no <base> elsewhere, no form posted elsewhere, no framing by another
site). What the pages need, measured in headless Chromium (tests/test_inert_student_content.py), stays allowed:
inline scripts (the formgrader's pages declare `submission_id`, `base_url` and event handlers inline, and cannot
save a grade without them), `eval` (JupyterLab compiles its settings schemas with it) and one foreign source,
MathJax on cdnjs, which nbgrader's formgrade template loads (its script stops short without it). So this policy
cannot stop a script that runs on the formgrader's page from calling this server: what keeps student scripts
off that page is the cleaning of student content configured in nbgrader_config.py (tools/grading/inert.py);
the policy keeps whatever might slip through from loading or sending anything elsewhere. Violations are
reported to the server's log (Jupyter's /api/security/csp-report).
"""

MATHJAX = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/"  # where nbgrader's formgrader page loads MathJax from
CSP = "; ".join([
    "default-src 'self'",
    f"script-src 'self' 'unsafe-inline' 'unsafe-eval' {MATHJAX}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    f"font-src 'self' data: {MATHJAX}",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "report-uri /api/security/csp-report",
])

c = get_config()  # noqa: F821 (Jupyter provides get_config)
c.ServerApp.tornado_settings.update({"headers": {"Content-Security-Policy": CSP}})  # the instructor's other settings stay
