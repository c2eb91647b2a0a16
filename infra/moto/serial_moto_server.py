"""moto's server, exactly as `moto_server` builds it, answering one request at a time.

Why: moto's backends take no lock per request, and the threaded server `moto_server` starts runs requests
side by side. Under concurrency that breaks guarantees DynamoDB gives and the tests check, e.g.
`transact_write_items` deep-copies each table, checks the conditions, writes, and on a failed condition puts
the copy back, so two racing conditional transactions can both succeed (ConcurrentDuplicateSubmissionTest
saw two "201 Created" for one submission), a rolled-back transaction can undo other clients' writes made in
the meantime, and some concurrent writes fail with 500. DynamoDB applies each request atomically; one lock
around each request gives moto the same property. Connections are still served by separate threads (SDK
clients keep connections alive), and the application above moto is as concurrent as ever.

Usage: python3 serial_moto_server.py [-H HOST] -p PORT
"""
import argparse
import os
import threading

from werkzeug.serving import run_simple

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app


class OneRequestAtATime:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.app(environ, start_response)
            try:
                return [b"".join(response)]  # the whole body is produced under the lock
            finally:
                close = getattr(response, "close", None)
                if close is not None:
                    close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("MOTO_PORT", str(args.port))  # as moto_server does: used in URLs moto builds
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, OneRequestAtATime(app), threaded=True)


if __name__ == "__main__":
    main()
