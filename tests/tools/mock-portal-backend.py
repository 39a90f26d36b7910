#!/usr/bin/python3
"""A stand-in desktop portal backend, for tests: the part a desktop (GNOME, KDE) provides.

xdg-desktop-portal (the real one, started by the test) finds it through a .portal file in
$XDG_DESKTOP_PORTAL_DIR and forwards the app's portal requests to it, as it forwards them to
xdg-desktop-portal-gnome on a desktop. Like mock-settings-portal.py it answers from its
command line instead of asking a person:

  FileChooser.OpenFile   picks --open=PATH
  FileChooser.SaveFile   picks --save=PATH
  Print.PreparePrint     accepts the app's settings and page setup, as pressing Print does
  Print.Print            copies the document it is given to --print-to=PATH
  AppChooser.ChooseApplication  (OpenURI, OpenFile) picks the application --choose=ID
                         when the portal offers it, else cancels

Every call is appended to --log=PATH as "Interface.Method title-or-uri", so a test can tell
the request went through the portal. Prints "ready" once it owns its name.
"""
import argparse
import os
import shutil
import sys

from gi.repository import Gio, GLib

BUS_NAME = 'org.freedesktop.impl.portal.desktop.cgtest'
OBJECT_PATH = '/org/freedesktop/portal/desktop'

# Each method's arguments in; every method answers (u response, a{sv} results) but UpdateChoices
REQUEST = [('o', 'handle'), ('s', 'app_id'), ('s', 'parent_window')]
METHODS = {
    'org.freedesktop.impl.portal.FileChooser': {
        'OpenFile': REQUEST + [('s', 'title'), ('a{sv}', 'options')],
        'SaveFile': REQUEST + [('s', 'title'), ('a{sv}', 'options')],
    },
    'org.freedesktop.impl.portal.Print': {
        'Print': REQUEST + [('s', 'title'), ('h', 'fd'), ('a{sv}', 'options')],
        'PreparePrint': REQUEST + [('s', 'title'), ('a{sv}', 'settings'),
                                   ('a{sv}', 'page_setup'), ('a{sv}', 'options')],
    },
    'org.freedesktop.impl.portal.AppChooser': {
        'ChooseApplication': REQUEST + [('as', 'choices'), ('a{sv}', 'options')],
        'UpdateChoices': [('o', 'handle'), ('as', 'choices')],
    },
}


def introspection_xml():
    xml = '<node>'
    for interface, methods in METHODS.items():
        xml += '<interface name="%s">' % interface
        for method, arguments in methods.items():
            xml += '<method name="%s">' % method
            xml += ''.join('<arg type="%s" name="%s" direction="in"/>' % a for a in arguments)
            if method != 'UpdateChoices':
                xml += ('<arg type="u" name="response" direction="out"/>'
                        '<arg type="a{sv}" name="results" direction="out"/>')
            xml += '</method>'
        xml += '</interface>'
    return xml + '</node>'


parser = argparse.ArgumentParser()
parser.add_argument('--log', required=True)
parser.add_argument('--open')
parser.add_argument('--save')
parser.add_argument('--print-to')
parser.add_argument('--choose')
args = parser.parse_args()
loop = GLib.MainLoop()
print_token = 7


def log(entry):
    with open(args.log, 'a') as f:
        f.write(entry + '\n')


def answer(invocation, response, results):
    invocation.return_value(GLib.Variant('(ua{sv})', (response, results)))


def pick(invocation, path):
    # 0 = the user chose; 1 = cancelled (no file configured for this request)
    if path is None:
        answer(invocation, 1, {})
    else:
        uri = Gio.File.new_for_path(path).get_uri()
        answer(invocation, 0, {'uris': GLib.Variant('as', [uri])})


def on_call(connection, sender, path, interface, method, params, invocation):
    name = interface.rsplit('.', 1)[1] + '.' + method
    values = params.unpack()
    if name == 'FileChooser.OpenFile':
        log('%s %s' % (name, values[3]))
        pick(invocation, args.open)
    elif name == 'FileChooser.SaveFile':
        log('%s %s' % (name, values[3]))
        pick(invocation, args.save)
    elif name == 'Print.PreparePrint':
        log('%s %s' % (name, values[3]))
        settings = params.get_child_value(4)
        page_setup = params.get_child_value(5)
        answer(invocation, 0, {'settings': settings, 'page-setup': page_setup,
                               'token': GLib.Variant('u', print_token)})
    elif name == 'Print.Print':
        options = values[5]
        fd_list = invocation.get_message().get_unix_fd_list()
        fd = fd_list.get(params.get_child_value(4).get_handle())
        log('%s %s token=%s' % (name, values[3], options.get('token')))
        if args.print_to is None or options.get('token') != print_token:
            os.close(fd)
            answer(invocation, 1, {})
            return
        partial = args.print_to + '.part'
        with os.fdopen(fd, 'rb') as source, open(partial, 'wb') as target:
            shutil.copyfileobj(source, target)
        os.rename(partial, args.print_to)
        answer(invocation, 0, {})
    elif name == 'AppChooser.ChooseApplication':
        choices = values[3]
        log('%s %s' % (name, values[4].get('uri', '')))
        if args.choose is not None and args.choose in choices:
            answer(invocation, 0, {'choice': GLib.Variant('s', args.choose)})
        else:
            answer(invocation, 1, {})
    elif name == 'AppChooser.UpdateChoices':
        invocation.return_value(None)
    else:
        invocation.return_dbus_error('org.freedesktop.DBus.Error.UnknownMethod', name)


def on_bus(connection, name):
    node = Gio.DBusNodeInfo.new_for_xml(introspection_xml())
    for interface in node.interfaces:
        connection.register_object(OBJECT_PATH, interface, on_call, None, None)


def on_name_acquired(connection, name):
    print('ready', flush=True)


def on_name_lost(connection, name):
    print('could not own ' + name, file=sys.stderr)
    loop.quit()


GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, 15, loop.quit)
Gio.bus_own_name(Gio.BusType.SESSION, BUS_NAME, Gio.BusNameOwnerFlags.NONE, on_bus,
                 on_name_acquired, on_name_lost)
loop.run()
