"""The pack's own tooling: build, release, sample class and grading commands.

Run ``python -m tools --help`` from the course root.
"""
