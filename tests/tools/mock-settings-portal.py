#!/usr/bin/python3
"""A stand-in for xdg-desktop-portal's Settings interface, for tests and screenshots.

Owns org.freedesktop.portal.Desktop on the session bus and answers color-scheme with the
value given on the command line (0 no preference, 1 dark, 2 light). Each line "flip" on its
standard input makes it announce the other scheme through SettingChanged, as a desktop does
when the user switches styles: a test flips once it has seen the first scheme, never after a
fixed delay.
"""
import argparse
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.portal.Settings">
    <method name="Read">
      <arg type="s" name="namespace" direction="in"/>
      <arg type="s" name="key" direction="in"/>
      <arg type="v" name="value" direction="out"/>
    </method>
    <signal name="SettingChanged">
      <arg type="s" name="namespace"/>
      <arg type="s" name="key"/>
      <arg type="v" name="value"/>
    </signal>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""

parser = argparse.ArgumentParser()
parser.add_argument('scheme', type=int)
args = parser.parse_args()
state = {'scheme': args.scheme}
loop = GLib.MainLoop()


def on_call(connection, sender, path, interface, method, params, invocation):
    namespace, key = params.unpack()
    if (namespace, key) == ('org.freedesktop.appearance', 'color-scheme'):
        invocation.return_value(GLib.Variant('(v)', (GLib.Variant('u', state['scheme']),)))
    else:
        invocation.return_dbus_error('org.freedesktop.portal.Error.NotFound', 'no such key')


def flip(connection):
    state['scheme'] = 2 if state['scheme'] == 1 else 1
    connection.emit_signal(None, '/org/freedesktop/portal/desktop',
                           'org.freedesktop.portal.Settings', 'SettingChanged',
                           GLib.Variant('(ssv)', ('org.freedesktop.appearance', 'color-scheme',
                                                  GLib.Variant('u', state['scheme']))))
    return GLib.SOURCE_REMOVE


def on_bus(connection, name):
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    connection.register_object('/org/freedesktop/portal/desktop', node.interfaces[0],
                               on_call, None, None)
    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.IN | GLib.IOCondition.HUP, on_input, connection)


def on_input(channel, condition, connection):
    line = sys.stdin.readline()
    if not line:
        loop.quit()   # the test has gone
        return GLib.SOURCE_REMOVE
    if line.strip() == 'flip':
        flip(connection)
    return GLib.SOURCE_CONTINUE


def on_name_acquired(connection, name):
    print('ready', flush=True)


def on_name_lost(connection, name):
    print('could not own ' + name, file=sys.stderr)
    loop.quit()


Gio.bus_own_name(Gio.BusType.SESSION, 'org.freedesktop.portal.Desktop',
                 Gio.BusNameOwnerFlags.NONE, on_bus, on_name_acquired, on_name_lost)
loop.run()
