"""gunicorn settings for the web processes (docs/deploy.md). Every value can be
changed from the environment of the service, so the file itself stays as is."""

import os

# One synchronous worker per core: a request is short (slow work goes to the
# task worker), so more workers than cores only queue on the CPU. The
# affinity mask counts the cores this process may use, not all the machine's.
workers = int(os.environ.get("WEB_CONCURRENCY", len(os.sched_getaffinity(0))))
bind = os.environ.get("BWK_BIND", "127.0.0.1:8000")
wsgi_app = "buurtwerkkamer.wsgi:application"

# A page that takes longer than this is a bug or a stuck query; the worker is
# replaced instead of holding a slot. Long work runs as a job, not here.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# nginx keeps connections to us open between requests.
keepalive = 5
# Replacing a worker now and then bounds slow memory growth; the jitter keeps
# the workers from restarting all at once.
max_requests = 2000
max_requests_jitter = 200
# The workers' heartbeat files on tmpfs: a slow disk cannot make them look dead.
# gunicorn makes each with mkstemp, so the shared folder is safe.
SHM = "/dev/shm"  # noqa: S108
worker_tmp_dir = SHM if os.path.isdir(SHM) else None
# Only the reverse proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "buurtwerkkamer"
