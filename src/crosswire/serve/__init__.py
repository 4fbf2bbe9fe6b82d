"""The local web app: `crosswire serve --db FILE` (needs the `serve` extra: fastapi, uvicorn)."""

from crosswire.serve.app import create_app, serve

__all__ = ["create_app", "serve"]
