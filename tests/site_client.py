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


def statuses(ds, requests):
    """``{(method, path): status}`` of ``ds``'s answers to ``(method, path)`` requests, made in one event loop."""
    async def fetch():
        return {(method, path): (await ds.client.request(method, path)).status_code for method, path in requests}
    return asyncio.run(fetch())
