/* kz-cli-sync.c
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

#define G_LOG_DOMAIN "kompetenz-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kz-cli-account.h"
#include "kz-cli.h"
#include "kz-parse.h"
#include "kz-store-sync.h"
#include "kz-store-upload.h"
#include "kz-sync-client.h"

/* Sync with a kompetenz-server: login, logout, sync, sync status and
 * conflicts.  The client's calls are asynchronous; each runs in a main
 * loop until it finishes. */

#define TOKEN_FILE_ENTRY(cli) \
  { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &(cli)->token_file, \
    N_("Keep the sign-in in FILE instead of the keyring (for machines without one)"), N_("FILE") }

/* Sessions */

/* A self-signed server certificate the user chose to trust, as the app
 * keeps it in sync.ini. */
static void
trust_account_certificate (KzSyncClient        *client,
                           const KzSyncAccount *account)
{
  g_autoptr(GTlsCertificate) certificate = kz_sync_account_dup_certificate (account);

  if (certificate != NULL)
    kz_sync_client_set_trusted_certificate (client, certificate);
}

static KzSyncClient *
connect_client (KzCli         *cli,
                KzSyncAccount  *account,
                GError       **error)
{
  g_autofree char *token = NULL;
  KzSyncClient *client;
  KzStore *store;

  if (!(store = kz_cli_open_store (cli, FALSE, error)) ||
      !kz_cli_account_load (cli, account, error))
    return NULL;

  if (account->url == NULL || account->user == NULL)
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED,
                   _("This portfolio is not connected to a sync server. "
                     "Sign in first: kompetenz-cli login URL USER"));
      return NULL;
    }

  if (!(token = kz_cli_token_lookup (cli, account, error)))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED,
                     _("You are not signed in to %s. Sign in: kompetenz-cli login %s %s"),
                     account->url, account->url, account->user);
      return NULL;
    }

  client = kz_sync_client_new (store);
  trust_account_certificate (client, account);
  kz_sync_client_set_account (client, account->url, account->user, token);
  return client;
}

static gboolean
sync_round (KzSyncClient  *client,
            KzSyncStats   *stats,
            GError       **error)
{
  KzCliWait wait;
  gboolean ok;

  kz_cli_wait_init (&wait);
  kz_sync_client_sync_async (client, wait.cancellable, kz_cli_wait_done, &wait);
  ok = kz_sync_client_sync_finish (client, kz_cli_wait_run (&wait), stats, error);
  kz_cli_wait_clear (&wait);

  return ok;
}

static void
note_sync_time (KzCli        *cli,
                KzSyncAccount *account)
{
  g_autoptr(GError) error = NULL;

  g_free (account->last_sync);
  account->last_sync = kz_sync_account_now ();
  if (!kz_cli_account_save (cli, account, &error))
    g_printerr ("kompetenz-cli: %s\n", error->message);
}

/* Conflicts, as seen by @user: "mine" is the value @user wrote. */

static gboolean
mine_is_server (const KzConflict *conflict,
                const char       *user)
{
  return user != NULL && g_strcmp0 (conflict->server_author, user) == 0 &&
         g_strcmp0 (conflict->client_author, user) != 0;
}

static const char *
mine_value (const KzConflict *c, const char *user)
{
  return mine_is_server (c, user) ? c->server_value : c->client_value;
}

static const char *
theirs_value (const KzConflict *c, const char *user)
{
  return mine_is_server (c, user) ? c->client_value : c->server_value;
}

static const char *
theirs_author (const KzConflict *c, const char *user)
{
  return mine_is_server (c, user) ? c->client_author : c->server_author;
}

static char *
describe_conflict (KzStore          *store,
                   const KzConflict *c)
{
  g_autoptr(KzRecord) record = NULL;
  KzKind kind;

  if (kz_kind_from_name (c->kind, &kind) && (record = kz_store_get (store, kind, c->uuid, NULL)))
    return kz_cli_describe_record (record);

  return g_strdup_printf ("%s %.8s", c->kind, c->uuid);
}

static JsonNode *
conflict_to_json (KzStore          *store,
                  const KzConflict *c,
                  const char       *user)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (c->created / G_USEC_PER_SEC);
  g_autofree char *created = dt ? g_date_time_format_iso8601 (dt) : NULL;
  const char *names[] = { "id", "type", "record", "field", "base", "mine", "theirs",
                          "server", "client", "server_author", "client_author", "created" };
  const char *values[] = { c->id, c->kind, c->uuid, c->field, c->base_value,
                           mine_value (c, user), theirs_value (c, user), c->server_value,
                           c->client_value, c->server_author, c->client_author, created };

  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (b, names[i]);
      json_builder_add_string_value (b, values[i]);
    }
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static void
print_refused (KzStore    *store,
               GPtrArray  *conflicts,
               const char *user,
               guint       refused)
{
  g_printerr (ngettext ("kompetenz-cli: %u change was refused because someone changed "
                       "the same field on the server:\n",
                       "kompetenz-cli: %u changes were refused because someone changed "
                       "the same field on the server:\n", refused), refused);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const KzConflict *c = conflicts->pdata[i];
      g_autofree char *what = NULL;

      if (g_strcmp0 (c->client_author, user) != 0)
        continue;
      what = describe_conflict (store, c);
      /* Translators: record, field, my value, their value, their name */
      g_printerr (_("  %s, field %s: yours “%s”, theirs “%s” by %s\n"), what, c->field,
                  c->client_value ? c->client_value : "", c->server_value ? c->server_value : "",
                  c->server_author ? c->server_author : "?");
    }

  g_printerr (_("Resolve with: kompetenz-cli conflicts resolve ID --take mine|theirs|VALUE\n"));
}

/* sync */

static JsonNode *
stats_to_json (const KzSyncStats *stats)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pushed");
  json_builder_add_int_value (b, stats->pushed);
  json_builder_set_member_name (b, "pulled");
  json_builder_add_int_value (b, stats->pulled);
  json_builder_set_member_name (b, "conflicts");
  json_builder_add_int_value (b, stats->conflicts);
  json_builder_set_member_name (b, "refused");
  json_builder_add_int_value (b, stats->refused);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static void
print_stats (const KzSyncStats *stats,
             gboolean           json)
{
  g_autoptr(KzCliTable) table = NULL;
  g_autofree char *pushed = g_strdup_printf ("%u", stats->pushed);
  g_autofree char *pulled = g_strdup_printf ("%u", stats->pulled);
  g_autofree char *conflicts = g_strdup_printf ("%u", stats->conflicts);

  if (json)
    {
      g_autoptr(JsonNode) node = stats_to_json (stats);

      kz_cli_print_json (node);
      return;
    }

  table = kz_cli_table_new (2);
  kz_cli_table_add_row (table, (const char *[]) { _("Pushed changes:"), pushed });
  kz_cli_table_add_row (table, (const char *[]) { _("Pulled records:"), pulled });
  kz_cli_table_add_row (table, (const char *[]) { _("Open conflicts:"), conflicts });
  kz_cli_table_print (table);
}

static int
run_sync (KzCli               *cli,
          const KzCliCommand  *command,
          int                  argc,
          char               **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print {\"pushed\", \"pulled\", \"conflicts\", \"refused\"} as JSON"), NULL },
    TOKEN_FILE_ENTRY (cli),
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_auto(KzSyncAccount) account = { NULL };
  g_autoptr(KzSyncClient) client = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  KzSyncStats stats = { 0 };
  GError *error = NULL;

  if (!kz_cli_parse (context, command, &argc, &argv, 0, 0, &error) ||
      !(client = connect_client (cli, &account, &error)) ||
      !sync_round (client, &stats, &error))
    return kz_cli_fail (command, error);

  note_sync_time (cli, &account);
  print_stats (&stats, json);
  if (stats.refused == 0)
    return KZ_CLI_EXIT_OK;

  conflicts = kz_store_list_conflicts (cli->store, NULL);
  print_refused (cli->store, conflicts, account.user, stats.refused);
  return KZ_CLI_EXIT_REFUSED;
}

/* sync status */

typedef struct
{
  const char *server;
  const char *user;
  const char *signed_in;   /* "yes", "no" or "unknown" */
  guint       pending;
  guint       conflicts;
  gint64      cursor;
  const char *last_sync;
} Status;

static void
print_status_json (const Status *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "server");
  json_builder_add_string_value (b, s->server);
  json_builder_set_member_name (b, "user");
  json_builder_add_string_value (b, s->user);
  json_builder_set_member_name (b, "signed_in");
  json_builder_add_string_value (b, s->signed_in);
  json_builder_set_member_name (b, "pending");
  json_builder_add_int_value (b, s->pending);
  json_builder_set_member_name (b, "conflicts");
  json_builder_add_int_value (b, s->conflicts);
  json_builder_set_member_name (b, "cursor");
  json_builder_add_int_value (b, s->cursor);
  json_builder_set_member_name (b, "last_sync");
  json_builder_add_string_value (b, s->last_sync);
  json_builder_end_object (b);

  node = json_builder_get_root (b);
  kz_cli_print_json (node);
}

static void
print_status (const Status *s)
{
  g_autoptr(KzCliTable) table = kz_cli_table_new (2);
  g_autofree char *pending = g_strdup_printf ("%u", s->pending);
  g_autofree char *conflicts = g_strdup_printf ("%u", s->conflicts);
  g_autofree char *cursor = g_strdup_printf ("%" G_GINT64_FORMAT, s->cursor);
  const char *signed_in = g_str_equal (s->signed_in, "yes") ? _("yes")
                          : g_str_equal (s->signed_in, "no") ? _("no") : _("unknown");

  kz_cli_table_add_row (table, (const char *[]) { _("Server:"), s->server ? s->server : _("none") });
  kz_cli_table_add_row (table, (const char *[]) { _("User:"), s->user });
  kz_cli_table_add_row (table, (const char *[]) { _("Signed in:"), signed_in });
  kz_cli_table_add_row (table, (const char *[]) { _("Pending changes:"), pending });
  kz_cli_table_add_row (table, (const char *[]) { _("Open conflicts:"), conflicts });
  kz_cli_table_add_row (table, (const char *[]) { _("Cursor:"), cursor });
  kz_cli_table_add_row (table, (const char *[]) { _("Last sync:"), s->last_sync ? s->last_sync : _("never") });
  kz_cli_table_print (table);
}

static const char *
signed_in_state (KzCli        *cli,
                 KzSyncAccount *account)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (account->url == NULL)
    return "no";
  token = kz_cli_token_lookup (cli, account, &error);

  return token != NULL ? "yes" : error != NULL ? "unknown" : "no";
}

static int
run_sync_status (KzCli               *cli,
                 const KzCliCommand  *command,
                 int                  argc,
                 char               **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the status as JSON"), NULL },
    TOKEN_FILE_ENTRY (cli),
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_auto(KzSyncAccount) account = { NULL };
  g_autoptr(GPtrArray) conflicts = NULL;
  GError *error = NULL;
  KzStore *store;
  Status s = { NULL };

  if (!kz_cli_parse (context, command, &argc, &argv, 0, 0, &error) ||
      !(store = kz_cli_open_store (cli, FALSE, &error)) ||
      !kz_cli_account_load (cli, &account, &error) ||
      !(conflicts = kz_store_list_conflicts (store, &error)))
    return kz_cli_fail (command, error);

  s.server = account.url;
  s.user = account.user;
  s.signed_in = signed_in_state (cli, &account);
  s.pending = kz_store_get_sync_enabled (store) ? kz_store_count_pending (store) : 0;
  s.conflicts = conflicts->len;
  s.cursor = kz_store_get_sync_cursor (store);
  s.last_sync = account.last_sync;

  if (json)
    print_status_json (&s);
  else
    print_status (&s);

  return KZ_CLI_EXIT_OK;
}

/* login and logout */

/* "https://host:8470/" and "https://host:8470" are the same server, as
 * for the client. */
static char *
normalise_url (const char *url)
{
  char *copy = g_strstrip (g_strdup (url));
  gsize len = strlen (copy);

  while (len > 0 && copy[len - 1] == '/')
    copy[--len] = 0;

  return copy;
}

static char *
login (KzSyncClient  *client,
       const char    *url,
       const char    *user,
       const char    *password,
       GError       **error)
{
  KzCliWait wait;
  char *token;

  kz_cli_wait_init (&wait);
  kz_sync_client_login_async (client, url, user, password, wait.cancellable, kz_cli_wait_done, &wait);
  token = kz_sync_client_login_finish (client, kz_cli_wait_run (&wait), error);
  kz_cli_wait_clear (&wait);

  return token;
}

/* Versions and cursors belong to one server: a portfolio that has
 * synced with one must not be mixed into another. */
static gboolean
check_same_server (KzStore             *store,
                   const KzSyncAccount  *account,
                   const char          *url,
                   GError             **error)
{
  g_autofree char *wanted = normalise_url (url);

  if (account->url == NULL || g_str_equal (account->url, wanted) ||
      kz_store_get_sync_cursor (store) == 0)
    return TRUE;

  g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED,
               _("This portfolio is synced with %s. Signing in to %s would mix two shared "
                 "portfolios; use another portfolio (--database) for it."), account->url, wanted);
  return FALSE;
}

/* --certificate FILE: the PEM of a self-signed server certificate. */
static gboolean
read_certificate (const char     *path,
                  KzSyncAccount  *account,
                  GError        **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *pem = NULL;

  if (path == NULL)
    return TRUE;
  if (!(certificate = g_tls_certificate_new_from_file (path, error)))
    return FALSE;

  g_object_get (certificate, "certificate-pem", &pem, NULL);
  g_free (account->trusted_certificate);
  account->trusted_certificate = g_steal_pointer (&pem);
  return TRUE;
}

static gboolean
login_and_keep (KzCli        *cli,
                const char   *url,
                const char   *user,
                const char   *password,
                const char   *certificate,
                GError      **error)
{
  g_auto(KzSyncAccount) account = { NULL };
  g_autoptr(KzSyncClient) client = NULL;
  g_autofree char *token = NULL;
  KzStore *store;

  if (!(store = kz_cli_open_store (cli, TRUE, error)) ||
      !kz_cli_account_load (cli, &account, error) ||
      !check_same_server (store, &account, url, error) ||
      !read_certificate (certificate, &account, error))
    return FALSE;

  client = kz_sync_client_new (store);
  trust_account_certificate (client, &account);
  if (!(token = login (client, url, user, password, error)))
    return FALSE;

  g_free (account.url);
  account.url = g_strdup (kz_sync_client_get_url (client));
  g_free (account.user);
  account.user = g_strdup (user);

  return kz_cli_token_store (cli, &account, token, error) &&
         kz_cli_account_save (cli, &account, error) &&
         (kz_store_get_sync_enabled (store) || kz_store_enable_sync_planned (store, error));
}

static int
run_login (KzCli               *cli,
           const KzCliCommand  *command,
           int                  argc,
           char               **argv)
{
  g_autofree char *password_file = NULL;
  g_autofree char *certificate = NULL;
  const GOptionEntry entries[] = {
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE"), N_("FILE") },
    { "certificate", 0, 0, G_OPTION_ARG_FILENAME, &certificate,
      N_("Trust the server’s self-signed certificate in FILE (PEM)"), N_("FILE") },
    TOKEN_FILE_ENTRY (cli),
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_autofree char *password = NULL;
  GError *error = NULL;

  if (!kz_cli_parse (context, command, &argc, &argv, 2, 2, &error) ||
      !(password = kz_cli_read_password (password_file, argv[2], &error)) ||
      !login_and_keep (cli, argv[1], argv[2], password, certificate, &error))
    return kz_cli_fail (command, error);

  explicit_bzero (password, strlen (password));
  g_printerr (_("Signed in to %s as %s.\n"), argv[1], argv[2]);
  return KZ_CLI_EXIT_OK;
}

static int
run_logout (KzCli               *cli,
            const KzCliCommand  *command,
            int                  argc,
            char               **argv)
{
  const GOptionEntry entries[] = { TOKEN_FILE_ENTRY (cli), { NULL } };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_auto(KzSyncAccount) account = { NULL };
  g_autoptr(KzSyncClient) client = NULL;
  GError *error = NULL;
  KzCliWait wait;

  if (!kz_cli_parse (context, command, &argc, &argv, 0, 0, &error))
    return kz_cli_fail (command, error);

  /* Not signed in is fine: logging out twice does no harm. */
  if ((client = connect_client (cli, &account, &error)))
    {
      kz_cli_wait_init (&wait);
      kz_sync_client_logout_async (client, wait.cancellable, kz_cli_wait_done, &wait);
      kz_sync_client_logout_finish (client, kz_cli_wait_run (&wait), NULL);
      kz_cli_wait_clear (&wait);
    }
  else if (kz_cli_exit_code (error) != KZ_CLI_EXIT_REFUSED)
    return kz_cli_fail (command, error);
  g_clear_error (&error);

  if (!kz_cli_token_forget (cli, &account, &error))
    return kz_cli_fail (command, error);

  g_printerr (_("Signed out.\n"));
  return KZ_CLI_EXIT_OK;
}

/* conflicts */

static char *
value_text (const char *value)
{
  return value != NULL ? g_strdup (value) : g_strdup ("–");
}

static void
print_conflicts (KzStore    *store,
                 GPtrArray  *conflicts,
                 const char *user)
{
  g_autoptr(KzCliTable) table = kz_cli_table_new (5);

  kz_cli_table_add_row (table, (const char *[]) { "ID", "RECORD", "FIELD", "MINE", "THEIRS" });
  for (guint i = 0; i < conflicts->len; i++)
    {
      const KzConflict *c = conflicts->pdata[i];
      g_autofree char *id = g_strndup (c->id, 8);
      g_autofree char *what = describe_conflict (store, c);
      g_autofree char *mine = value_text (mine_value (c, user));
      g_autofree char *theirs_raw = value_text (theirs_value (c, user));
      g_autofree char *theirs = g_strdup_printf ("%s (%s)", theirs_raw,
                                                 theirs_author (c, user) ? theirs_author (c, user) : "?");

      kz_cli_table_add_row (table, (const char *[]) { id, what, c->field, mine, theirs });
    }

  kz_cli_table_print (table);
}

static int
run_conflicts_list (KzCli               *cli,
                    const KzCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of conflicts"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_auto(KzSyncAccount) account = { NULL };
  g_autoptr(GPtrArray) conflicts = NULL;
  GError *error = NULL;
  KzStore *store;

  if (!kz_cli_parse (context, command, &argc, &argv, 0, 0, &error) ||
      !(store = kz_cli_open_store (cli, FALSE, &error)) ||
      !kz_cli_account_load (cli, &account, &error) ||
      !(conflicts = kz_store_list_conflicts (store, &error)))
    return kz_cli_fail (command, error);

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < conflicts->len; i++)
        json_array_add_element (array, conflict_to_json (store, conflicts->pdata[i], account.user));
      json_node_take_array (node, array);
      kz_cli_print_json (node);
    }
  else
    print_conflicts (store, conflicts, account.user);

  return KZ_CLI_EXIT_OK;
}

static KzConflict *
find_conflict (KzStore     *store,
               const char  *id,
               GError     **error)
{
  g_autoptr(GPtrArray) conflicts = kz_store_list_conflicts (store, error);
  g_autoptr(GList) ids = NULL;
  g_autofree char *found = NULL;

  if (conflicts == NULL)
    return NULL;

  for (guint i = 0; i < conflicts->len; i++)
    ids = g_list_prepend (ids, ((KzConflict *)conflicts->pdata[i])->id);
  if (!(found = kz_cli_find_prefix (ids, id, _("open conflict"), error)))
    return NULL;

  for (guint i = 0; i < conflicts->len; i++)
    if (g_str_equal (((KzConflict *)conflicts->pdata[i])->id, found))
      return kz_conflict_copy (conflicts->pdata[i]);

  g_assert_not_reached ();
}

/* The canonical text of what the user typed, checked like in the app. */
static gboolean
parse_value (const KzConflict  *c,
             const char        *text,
             char             **value,
             GError           **error)
{
  g_autoptr(KzRecord) record = NULL;
  gboolean deleted;
  KzKind kind;

  if (g_str_equal (c->field, "deleted"))
    {
      if (!kz_parse_bool (text, &deleted, error))
        return FALSE;
      *value = g_strdup (deleted ? "true" : "false");
      return TRUE;
    }
  if (!kz_kind_from_name (c->kind, &kind))
    {
      *value = g_strdup (text);
      return TRUE;
    }

  record = kz_record_new (kind);
  if (!kz_record_set_text (record, c->field, text, error) ||
      !kz_record_validate_field (record, c->field, error))
    {
      g_prefix_error (error, _("%s %.8s, field %s: "), c->kind, c->uuid, c->field);
      return FALSE;
    }

  *value = kz_record_dup_text (record, c->field);
  return TRUE;
}

static gboolean
choose_value (const KzConflict  *c,
              const char        *take,
              const char        *user,
              char             **value,
              GError           **error)
{
  *value = NULL;
  if (g_str_equal (take, "mine"))
    *value = g_strdup (mine_value (c, user));
  else if (g_str_equal (take, "theirs"))
    *value = g_strdup (theirs_value (c, user));
  else
    return parse_value (c, take, value, error);

  return TRUE;
}

static gboolean
resolve (KzSyncClient  *client,
         const char    *id,
         const char    *value,
         GError       **error)
{
  KzCliWait wait;
  gboolean ok;

  kz_cli_wait_init (&wait);
  kz_sync_client_resolve_async (client, id, value, wait.cancellable, kz_cli_wait_done, &wait);
  ok = kz_sync_client_resolve_finish (client, kz_cli_wait_run (&wait), error);
  kz_cli_wait_clear (&wait);

  return ok;
}

/* Syncs first, so that a conflict someone else resolved meanwhile is
 * refused rather than overwritten, and afterwards, to fetch the result. */
static gboolean
resolve_conflict (KzCli        *cli,
                  const char   *id,
                  const char   *take,
                  GError      **error)
{
  g_auto(KzSyncAccount) account = { NULL };
  g_autoptr(KzSyncClient) client = NULL;
  g_autoptr(KzConflict) conflict = NULL;
  g_autofree char *value = NULL;
  g_autofree char *what = NULL;
  KzSyncStats stats;

  if (!(client = connect_client (cli, &account, error)) ||
      !sync_round (client, &stats, error) ||
      !(conflict = find_conflict (cli->store, id, error)) ||
      !choose_value (conflict, take, account.user, &value, error) ||
      !resolve (client, conflict->id, value, error) ||
      !sync_round (client, &stats, error))
    return FALSE;

  note_sync_time (cli, &account);
  what = describe_conflict (cli->store, conflict);
  /* Translators: record, field, value */
  g_printerr (_("Resolved: %s, field %s is now “%s”.\n"), what, conflict->field, value ? value : "");
  return TRUE;
}

static int
run_conflicts_resolve (KzCli               *cli,
                       const KzCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autofree char *take = NULL;
  const GOptionEntry entries[] = {
    { "take", 't', 0, G_OPTION_ARG_STRING, &take,
      N_("“mine”, “theirs” or the value to keep (empty to clear the field)"), N_("VALUE") },
    TOKEN_FILE_ENTRY (cli),
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  GError *error = NULL;

  if (!kz_cli_parse (context, command, &argc, &argv, 1, 1, &error))
    return kz_cli_fail (command, error);
  if (take == NULL)
    return kz_cli_fail (command, g_error_new (KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                                              _("Say which value to keep with --take mine, "
                                                "--take theirs or --take VALUE.")));

  if (!resolve_conflict (cli, argv[1], take, &error))
    return kz_cli_fail (command, error);

  return KZ_CLI_EXIT_OK;
}

const KzCliCommand kz_cli_sync_commands[] = {
  { "login", NULL, N_("URL USER"), N_("Sign in to a sync server"),
    N_("Asks for the password on the terminal without showing it, or reads it from "
       "--password-file or $KOMPETENZ_PASSWORD. The sign-in (a token, never the password) "
       "is kept in the keyring, or with --token-file in a file only you can read. "
       "The server address and user are kept per portfolio in "
       "$XDG_CONFIG_HOME/kompetenz/sync.ini, with the certificate given with "
       "--certificate for a server with a self-signed one.\n\n"
       "Examples:\n"
       "  kompetenz-cli login https://sync.example.org:8470 anna\n"
       "  kompetenz-cli login https://sync.example.org:8470 anna --password-file pw.txt "
       "--token-file ~/.kompetenz-token"),
    run_login },
  { "logout", NULL, "", N_("Sign out from the sync server"),
    N_("Revokes the sign-in on the server, if it can be reached, and forgets it here. "
       "Changes not yet sent stay in the portfolio.\n\n"
       "Example:\n"
       "  kompetenz-cli logout"),
    run_logout },
  { "sync", "status", "", N_("Show the sync state without contacting the server"),
    N_("Prints the server, the user, whether a sign-in is kept, the number of changes "
       "not yet sent, the open conflicts as last fetched, the cursor (the last server "
       "version received) and the time of the last sync.\n\n"
       "Example:\n"
       "  kompetenz-cli sync status --json"),
    run_sync_status },
  { "sync", NULL, "", N_("Send and receive changes once"),
    N_("Runs one full round: sends every change not yet sent, receives everything new "
       "and fetches the open conflicts. Prints how many changes were pushed, records "
       "pulled and conflicts are open. Exits with 1 if some of your changes were "
       "refused as conflicts, and lists them.\n\n"
       "Example:\n"
       "  kompetenz-cli sync"),
    run_sync },
  { "conflicts", "list", "", N_("List the open sync conflicts"),
    N_("Conflicts as fetched by the last sync: the same field changed on two devices. "
       "“Mine” is the value you wrote, “theirs” the other one.\n\n"
       "Example:\n"
       "  kompetenz-cli conflicts list"),
    run_conflicts_list },
  { "conflicts", "resolve", N_("ID"), N_("Resolve a sync conflict"),
    N_("ID is the conflict’s id or a unique start of it (at least 8 characters). "
       "Syncs before and after, so the result is in the portfolio when it returns. "
       "A VALUE is read like in “set” and checked like in the app.\n\n"
       "Examples:\n"
       "  kompetenz-cli conflicts resolve 5d2e8a1f --take mine\n"
       "  kompetenz-cli conflicts resolve 5d2e8a1f --take \"31.12.2027\""),
    run_conflicts_resolve },
  { NULL }
};
