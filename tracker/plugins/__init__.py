"""Datasette plugins of the publish step, one small module per job, registered by ``tracker.publish``.

``context``: the claim-in-context and article pages (``/-/claim/<id>``, ``/-/article/<id>``);
``cells``: table cells that link a claim to its context page and an article to its marked-up text;
``charts``: stance toward a target over time and quotes per speaker, as server-drawn SVG (no JavaScript);
``menu``: the site menu's links to those pages. ``highlight`` is their shared, Datasette-free markup helper.
Settings come from the metadata's ``plugins`` section (``tracker-charts``, ``tracker-cells``).
"""

import importlib

PLUGIN_MODULES = ("context", "cells", "charts", "menu")


def register(pm):
    """Register the plugin modules with Datasette's plugin manager ``pm`` (once: repeated calls do nothing)."""
    for name in PLUGIN_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        if not pm.is_registered(module):
            pm.register(module, name=f"tracker-{name}")
