"""Datasette plugins of the publish step, one small module per job, found by Datasette through the package's
``datasette`` entry points (setup.cfg): installing ``tracker`` is what registers them, for ``tracker serve``
and for a plain ``datasette serve`` alike.

``context``: the claim-in-context and article pages (``/-/claim/<id>``, ``/-/article/<id>``);
``cells``: table cells that link a claim to its context page and an article to its marked-up text;
``charts``: claims per month, quotes per speaker, stance by target and toward a target over time, as
server-drawn SVG (no JavaScript);
``menu``: the site menu's links to those pages. This package itself is registered for its ``templates/``,
which Datasette serves as a plugin's templates, and for the hooks of ``limits`` (allowed methods, size bounds,
error statuses), which apply to the whole site. ``highlight`` is their shared, Datasette-free markup helper.
Settings come from the metadata's ``plugins`` section (``tracker-charts``, ``tracker-cells``, ``tracker-limits``).
"""

from tracker.plugins.limits import asgi_wrapper, handle_exception, prepare_connection  # noqa: F401 (hooks)

# entry point name -> module, as declared in setup.cfg's [options.entry_points] datasette
PLUGINS = {
    "tracker-templates": "tracker.plugins",
    "tracker-context": "tracker.plugins.context",
    "tracker-cells": "tracker.plugins.cells",
    "tracker-charts": "tracker.plugins.charts",
    "tracker-menu": "tracker.plugins.menu",
}


def missing(pm):
    """The names of ``PLUGINS`` that Datasette's plugin manager ``pm`` has not loaded (none once installed)."""
    loaded = {name: plugin.__name__ for name, plugin in pm.list_name_plugin()}
    return [name for name, module in PLUGINS.items() if loaded.get(name) != module]
