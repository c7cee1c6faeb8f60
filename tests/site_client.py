"""Requests to an in-process Datasette (pytest-asyncio is not installed: each call runs its own loop)."""

import asyncio


def get(ds, path):
    """The response of ``ds`` to a GET of ``path``."""
    async def fetch():
        return await ds.client.get(path)
    return asyncio.run(fetch())


def get_json(ds, path):
    """The JSON of a GET that must succeed."""
    response = get(ds, path)
    assert response.status_code == 200, response.text[:500]
    return response.json()
