/* main.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kompetenz-server"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>

#include "kz-server-auth.h"
#include "kz-server-cli.h"
#include "kz-server.h"

typedef struct
{
  char     *data_dir;
  char     *database;
  char     *listen;
  char     *tls_certificate;
  char     *tls_key;
  char     *access_log;
  char     *role;
  gboolean  version;
} Options;

typedef struct
{
  KzServer  *server;
  GMainLoop *loop;
  gboolean   stopping;
} Serving;

static void
options_clear (Options *options)
{
  g_free (options->data_dir);
  g_free (options->database);
  g_free (options->listen);
  g_free (options->tls_certificate);
  g_free (options->tls_key);
  g_free (options->access_log);
  g_free (options->role);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
fail (const GError *error)
{
  g_printerr ("kompetenz-server: %s\n", error->message);
  return kz_server_cli_exit_code (error);
}

static int
usage_error (const char *message)
{
  g_printerr ("kompetenz-server: %s\n", message);
  g_printerr (_("Run “kompetenz-server --help” for the commands and options.\n"));
  return KZ_EXIT_USAGE;
}

/* Serving */

static void
shutdown_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Serving *serving = user_data;

  kz_server_shutdown_finish (KZ_SERVER (object), result, NULL);
  g_main_loop_quit (serving->loop);
}

static gboolean
stop_cb (gpointer user_data)
{
  Serving *serving = user_data;

  /* A second signal changes nothing: the first one's shutdown goes on. */
  if (serving->stopping)
    return G_SOURCE_CONTINUE;

  serving->stopping = TRUE;
  g_message (_("Stopping: finishing the requests in progress."));
  kz_server_shutdown_async (serving->server, shutdown_done_cb, serving);
  return G_SOURCE_CONTINUE;
}

static gboolean
reopen_log_cb (gpointer user_data)
{
  Serving *serving = user_data;
  g_autoptr(GError) error = NULL;

  if (!kz_server_reopen_access_log (serving->server, &error))
    g_warning ("%s", error->message);
  return G_SOURCE_CONTINUE;
}

static gboolean
set_up (KzServer       *server,
        const Options  *options,
        GError        **error)
{
  if (options->tls_certificate != NULL &&
      !kz_server_set_tls_files (server, options->tls_certificate, options->tls_key, error))
    return FALSE;

  if (options->access_log != NULL &&
      !kz_server_set_access_log (server, options->access_log, error))
    return FALSE;

  return kz_server_listen (server, options->listen ? options->listen : KZ_SERVER_DEFAULT_LISTEN,
                           error);
}

/* The signal handlers stay installed until the process exits, so that
 * another SIGTERM during the cleanup after the loop cannot kill it
 * half-way: nothing dispatches them any more. */
static void
run_until_stopped (KzServer *server)
{
  static Serving serving;

  serving.server = server;
  serving.loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, stop_cb, &serving);
  g_unix_signal_add (SIGINT, stop_cb, &serving);
  g_unix_signal_add (SIGHUP, reopen_log_cb, &serving);

  g_main_loop_run (serving.loop);

  g_clear_pointer (&serving.loop, g_main_loop_unref);
  serving.server = NULL;
}

static int
serve (const Options *options)
{
  g_autoptr(KzServerStorage) storage = NULL;
  g_autoptr(KzServer) server = NULL;
  g_autoptr(GError) error = NULL;

  if (!(storage = kz_server_cli_open_storage (options->data_dir, options->database, &error)))
    return fail (error);

  server = kz_server_new (storage);
  if (!set_up (server, options, &error))
    return fail (error);

  /* Not translated: scripts and tests read this line for the port. */
  printf ("listening on %s\n", kz_server_get_url (server));
  fflush (stdout);

  run_until_stopped (server);
  g_clear_object (&server);
  g_clear_object (&storage);
  g_message (_("Stopped."));
  return KZ_EXIT_OK;
}

/* Options */

static char *
describe (void)
{
  return g_strconcat (
    _("Serving:\n"
      "  Without a command, kompetenz-server serves the Kompetenz sync API (/api/v1)\n"
      "  on --listen until it receives SIGTERM or SIGINT; it then finishes the\n"
      "  requests in progress, closes the database and exits with status 0.\n"
      "  Once listening it prints one line “listening on http://HOST:PORT/”.\n"
      "  Port 0 picks a free port. The default, 127.0.0.1:8470, is reachable from\n"
      "  this machine only; listen on 0.0.0.0:8470 or [::]:8470 for the network,\n"
      "  but only with TLS or behind a reverse proxy that provides HTTPS.\n"
      "  Request bodies may have 8 MiB; idle connections close after 30 seconds.\n"
      "  SIGHUP reopens the access log (after logrotate). The access log has one\n"
      "  line per request: time, method, path, status, user, duration; never\n"
      "  query strings, tokens or passwords.\n\n"),
    _("TLS:\n"
      "  --tls-certificate and --tls-key (PEM files, both needed) switch to HTTPS.\n"
      "  The certificate file may hold the whole chain. The apps must trust the\n"
      "  certificate; a self-signed one has to be accepted explicitly in the app.\n\n"),
    _("Users:\n"
      "  Every app logs in with a user name and password and gets a token that\n"
      "  lasts 30 days. Roles: admin and staff may pull, push and resolve\n"
      "  conflicts; reader may only pull.\n"
      "  user add NAME --role ROLE   add a user (ROLE: admin, staff or reader)\n"
      "  user list                   list the users with role and creation date\n"
      "  user remove NAME            remove a user and revoke their logins\n"
      "  user password NAME          set a new password and revoke their logins\n"
      "  The password is read as one line from standard input when that is not a\n"
      "  terminal, else asked for twice without echo; it needs 8 characters or\n"
      "  more. User commands also work while the server runs. After 10 failed\n"
      "  logins for one user from one address within 5 minutes, further attempts\n"
      "  from there are refused for a while.\n\n"),
    _("Data:\n"
      "  DIR holds server.db (SQLite, with its -wal and -shm files) and is created\n"
      "  with mode 0700. Back it up while the server runs with\n"
      "  sqlite3 DIR/server.db \".backup /path/to/backup.db\". When root runs a user\n"
      "  command on a directory owned by another user (as with systemd's\n"
      "  DynamicUser=), the files are handed to that user.\n"
      "  --database postgresql://USER@HOST:PORT/DB keeps everything in PostgreSQL\n"
      "  instead (libpq: the password may come from ~/.pgpass or PGPASSWORD); the\n"
      "  tables are created or upgraded on start. Several servers, say behind a\n"
      "  load balancer, may serve one PostgreSQL database at once. --database\n"
      "  FILE (or sqlite:FILE) uses that SQLite file instead of DIR/server.db.\n\n"),
    _("Exit status:\n"
      "  0 success; 1 refused (the user exists, is unknown, the password is too\n"
      "  short); 2 wrong usage; 3 input/output error (files, database, network).\n\n"),
    _("Examples:\n"
      "  kompetenz-server --data /var/lib/kompetenz-server user add anna --role admin\n"
      "  kompetenz-server --data /var/lib/kompetenz-server user add ben --role reader < pw.txt\n"
      "  kompetenz-server --data /var/lib/kompetenz-server --listen 0.0.0.0:8470 \\\n"
      "      --tls-certificate /etc/kompetenz-server/cert.pem \\\n"
      "      --tls-key /etc/kompetenz-server/key.pem --access-log -\n"
      "  kompetenz-server --database postgresql://kompetenz@db.example.org/kompetenz \\\n"
      "      --listen 10.0.0.5:8470\n"
      "  systemctl enable --now kompetenz-server   (the installed systemd unit)\n"),
    NULL);
}

static GOptionContext *
make_context (Options *options)
{
  const GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &options->data_dir,
      N_("Directory of the SQLite server database (created if missing)"), N_("DIR") },
    { "database", 0, 0, G_OPTION_ARG_STRING, &options->database,
      N_("Use this database instead of --data: postgresql://USER@HOST/DB or an SQLite file"), N_("URI") },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &options->listen,
      N_("Address to serve on (default 127.0.0.1:8470; port 0: any free port)"), N_("HOST:PORT") },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_certificate,
      N_("Serve HTTPS with this PEM certificate (chain)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_key,
      N_("PEM private key of the certificate"), N_("FILE") },
    { "access-log", 0, 0, G_OPTION_ARG_FILENAME, &options->access_log,
      N_("Append one line per request to FILE (“-”: standard output)"), N_("FILE") },
    { "role", 'r', 0, G_OPTION_ARG_STRING, &options->role,
      N_("Role for “user add”: admin, staff or reader"), N_("ROLE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };
  g_autofree char *description = describe ();
  GOptionContext *context;

  context = g_option_context_new (_("[user add NAME --role ROLE | user list | user remove NAME | user password NAME]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("The sync server of Kompetenz: the advisors' apps exchange their\n"
                                           "portfolio changes through it (sync protocol, version 1)."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static int
check_serving_options (const Options *options)
{
  g_autoptr(GInetSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;

  if (options->listen != NULL && !kz_server_parse_address (options->listen, &address, &error))
    return usage_error (error->message);
  if ((options->tls_certificate == NULL) != (options->tls_key == NULL))
    return usage_error (_("--tls-certificate and --tls-key go together."));
  if (options->role != NULL)
    return usage_error (_("--role is only for “user add”."));

  return KZ_EXIT_OK;
}

static int
run (Options  *options,
     int       argc,
     char    **argv)
{
  int status;

  if (options->version)
    {
      g_print ("kompetenz-server %s\n", PACKAGE_VERSION);
      return KZ_EXIT_OK;
    }
  if (options->data_dir == NULL && options->database == NULL)
    return usage_error (_("--data DIR or --database is required."));
  if (options->data_dir != NULL && options->database != NULL)
    return usage_error (_("--data and --database exclude each other."));

  if (argc > 1)
    {
      if (!g_str_equal (argv[1], "user"))
        return usage_error (_("The only command is “user”; without one, the server serves."));
      if (options->listen || options->tls_certificate || options->tls_key || options->access_log)
        return usage_error (_("--listen, --tls-certificate, --tls-key and --access-log are for serving."));
      return kz_server_cli_user (options->data_dir, options->database,
                                 (const char * const *)argv + 2, options->role);
    }

  if ((status = check_serving_options (options)) != KZ_EXIT_OK)
    return status;

  return serve (options);
}

static void
init_locale (void)
{
  const char *localedir = g_getenv ("KOMPETENZ_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Values travel in canonical form ("1.234" is one point two three
   * four); under a German LC_NUMERIC the core's lenient parsers would
   * read it as a thousand two hundred thirty-four. */
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  init_locale ();
  umask (0077);
  signal (SIGPIPE, SIG_IGN);
  g_set_prgname ("kompetenz-server");

  context = make_context (&options);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (!kz_server_auth_init (&error))
    return fail (error);

  return run (&options, argc, argv);
}
