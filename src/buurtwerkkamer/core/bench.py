"""What `make bench` needs from the server it measures, and nothing a production
installation ever loads: a bare page to compare with, and the number of queries of
each request in a response header. Both exist only when BWK_BENCH=1."""

from collections.abc import Callable
from typing import Any

from django.db import connections
from django.http import HttpRequest, HttpResponse


class QueryCountMiddleware:
    """Counts the queries of a whole request, sessions and login included, on
    every database connection, and answers them in `X-Queries`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = [0]

        def counted(
            execute: Any, sql: str, params: Any, many: bool, context: Any
        ) -> Any:
            count[0] += 1
            return execute(sql, params, many, context)

        wrappers = [
            connection.execute_wrapper(counted) for connection in connections.all()
        ]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-Queries"] = str(count[0])
        return response


def bare(request: HttpRequest) -> HttpResponse:
    """The least a Django page can be: routing and the middleware, no query of
    our own, no template. Every figure of the benchmark is a multiple of this."""
    return HttpResponse("bare", content_type="text/plain")
