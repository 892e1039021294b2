"""A pytest plugin that keeps the tests offline: outbound network use fails at once, loopback still works.

For the whole test session, a connection (``socket.connect``, ``connect_ex``, ``create_connection``) or a
datagram (``sendto``) to anything but this computer raises ``NetworkBlockedError`` (a
``ConnectionRefusedError``) at once, and looking up a name that is not local (``getaddrinfo``,
``gethostbyname``) raises ``socket.gaierror``, so
an accidental call to the internet (gTTS, a package index, telemetry) fails fast instead of waiting for a
timeout, and the suite shows it still passes with no network. Allowed: unix sockets, 127.0.0.0/8, ::1
(also as ::ffff:127.x.y.z), 0.0.0.0 and :: (the local host on Linux), and the names ``localhost`` and
``*.localhost``. Streamlit's AppTest runs in this process without sockets; the browser tests talk to the
app and to Chromium on 127.0.0.1 or through pipes; LibreOffice, espeak-ng and the app under test run in
subprocesses, which this plugin does not reach (it patches only this Python process and its threads).

Enable it with ``-p tests.network_guard`` (pyproject's ``addopts``). ``WTFC_TEST_NETWORK=1`` leaves the
network alone for one run. Tests may check ``BLOCKED`` (what was refused, as ``host:port``), or call
``install()`` themselves to be sure the guard is on whatever the command line said. At the end of the run
the tests that tried to reach another computer are listed (also under xdist).
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
from typing import Any

import pytest

ALLOW_VARIABLE = "WTFC_TEST_NETWORK"
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
_INET = (socket.AF_INET, socket.AF_INET6)

#: Every destination refused since the guard was installed in this process, as "host:port".
BLOCKED: list[str] = []

_saved: dict[str, Any] = {}


class NetworkBlockedError(ConnectionRefusedError):
    """Raised instead of connecting to another computer while the tests run."""


def _host_text(host: object) -> str | None:
    if isinstance(host, bytes | bytearray):
        host = bytes(host).decode("ascii", "replace")
    return host if isinstance(host, str) else None


def is_local(host: object) -> bool:
    """Whether ``host`` (an address or a name, as given to connect or getaddrinfo) is this computer."""
    text = _host_text(host)
    if text is None:
        return host is None  # getaddrinfo(None, port): the local (passive) address
    text = text.strip().strip("[]").split("%", 1)[0].rstrip(".").lower()
    if text == "":  # "" means any local address
        return True
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text in LOCAL_NAMES or text.endswith(".localhost")
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def _is_address_literal(host: object) -> bool:
    text = _host_text(host)
    if text is None:
        return False
    try:
        ipaddress.ip_address(text.strip().strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


def _where(host: object, port: object) -> str:
    text = _host_text(host)
    return f"{text if text is not None else repr(host)}:{port}"


def _refuse(host: object, port: object) -> NetworkBlockedError:
    where = _where(host, port)
    BLOCKED.append(where)
    return NetworkBlockedError(
        errno.ECONNREFUSED, f"network use is blocked in the tests (tests/network_guard.py): {where}"
    )


def _check(family: int, address: object) -> None:
    """Raise NetworkBlockedError for an internet address; unix and other local families pass."""
    if family not in _INET or not isinstance(address, tuple) or not address:
        return
    if not is_local(address[0]):
        raise _refuse(address[0], address[1] if len(address) > 1 else "?")


def _connect(self: socket.socket, address: Any) -> None:
    _check(self.family, address)
    _saved["connect"](self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    try:
        _check(self.family, address)
    except NetworkBlockedError as error:
        return error.errno or errno.ECONNREFUSED
    result: int = _saved["connect_ex"](self, address)
    return result


def _sendto(self: socket.socket, data: Any, *rest: Any) -> int:
    _check(self.family, rest[-1] if rest else None)
    result: int = _saved["sendto"](self, data, *rest)
    return result


def _create_connection(address: tuple[Any, ...], *args: Any, **kwargs: Any) -> socket.socket:
    if not is_local(address[0]):
        raise _refuse(address[0], address[1] if len(address) > 1 else "?")
    result: socket.socket = _saved["create_connection"](address, *args, **kwargs)
    return result


def _getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    if not (is_local(host) or _is_address_literal(host)):
        BLOCKED.append(_where(host, port))
        raise socket.gaierror(socket.EAI_NONAME, f"name look-up is blocked in the tests: {host!r}")
    return _saved["getaddrinfo"](host, port, *args, **kwargs)


def _gethostbyname(host: Any) -> str:
    if not (is_local(host) or _is_address_literal(host)):
        BLOCKED.append(_where(host, "-"))
        raise socket.gaierror(socket.EAI_NONAME, f"name look-up is blocked in the tests: {host!r}")
    result: str = _saved["gethostbyname"](host)
    return result


def installed() -> bool:
    return bool(_saved)


def install() -> bool:
    """Block the network in this process. Returns False if it was blocked already (nothing changed)."""
    if _saved:
        return False
    _saved.update(
        connect=socket.socket.connect,
        connect_ex=socket.socket.connect_ex,
        sendto=socket.socket.sendto,
        create_connection=socket.create_connection,
        getaddrinfo=socket.getaddrinfo,
        gethostbyname=socket.gethostbyname,
    )
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = _sendto  # type: ignore[method-assign,assignment]
    socket.create_connection = _create_connection  # type: ignore[assignment]
    socket.getaddrinfo = _getaddrinfo
    socket.gethostbyname = _gethostbyname
    return True


def uninstall() -> None:
    """Give the network back (what ``install`` replaced)."""
    if not _saved:
        return
    socket.socket.connect = _saved["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = _saved["connect_ex"]  # type: ignore[method-assign]
    socket.socket.sendto = _saved["sendto"]  # type: ignore[method-assign]
    socket.create_connection = _saved["create_connection"]
    socket.getaddrinfo = _saved["getaddrinfo"]
    socket.gethostbyname = _saved["gethostbyname"]
    _saved.clear()


# --- the pytest plugin ------------------------------------------------------------------------------------
_INSTALLED_BY_PLUGIN: list[bool] = []


def _allowed_by_environment() -> bool:
    return os.environ.get(ALLOW_VARIABLE, "").strip() == "1"


def pytest_configure(config: pytest.Config) -> None:
    if not _allowed_by_environment() and install():
        _INSTALLED_BY_PLUGIN.append(True)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _INSTALLED_BY_PLUGIN:
        _INSTALLED_BY_PLUGIN.clear()
        uninstall()


def pytest_report_header(config: pytest.Config) -> str:
    if _allowed_by_environment():
        return f"network: allowed ({ALLOW_VARIABLE}=1)"
    return "network: blocked except loopback and unix sockets (tests/network_guard.py)"


_BLOCKED_BEFORE = pytest.StashKey[int]()
_PROPERTY = "network_blocked"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    item.stash[_BLOCKED_BEFORE] = len(BLOCKED)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Note on the test's last report what it tried to reach (also under xdist, as a user property)."""
    if call.when == "teardown":
        found = BLOCKED[item.stash.get(_BLOCKED_BEFORE, len(BLOCKED)):]
        if found:
            item.user_properties.append((_PROPERTY, ", ".join(sorted(set(found)))))
    yield


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the tests that tried to use the network (they passed or failed on their own merits)."""
    lines = sorted({
        f"{report.nodeid}: {value}"
        for reports in terminalreporter.stats.values()
        for report in reports
        for name, value in getattr(report, "user_properties", [])
        if name == _PROPERTY
    })
    if lines:
        terminalreporter.write_sep("-", f"network use blocked by tests/network_guard.py ({len(lines)} tests)")
        for line in lines:
            terminalreporter.write_line(line)
