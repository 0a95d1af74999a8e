/* test-sync-gui.c
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

/* The sync user interface against a real kompetenz-server: signing in
 * through the preferences, the header bar indicator, and a conflict
 * shown and resolved on the conflicts page.  Runs under Xvfb with a
 * private keyring (with-keyring.sh). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "kz-conflicts-page.h"
#include "kz-preferences-window.h"
#include "kz-store-sync.h"
#include "kz-sync-account.h"
#include "kz-sync-indicator.h"
#include "kz-sync-preferences.h"
#include "kz-sync-secret.h"
#include "kz-sync-session.h"
#include "kz-test-server.h"
#include "kz-window.h"

#define TIMEOUT_S 30

typedef struct
{
  GType       type;
  const char *text;   /* a row's title or a button's label, or NULL */
} Wanted;

static gboolean
widget_matches (GtkWidget    *widget,
                const Wanted *wanted)
{
  if (!g_type_is_a (G_OBJECT_TYPE (widget), wanted->type))
    return FALSE;
  if (wanted->text == NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), wanted->text) == 0;
  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), wanted->text) == 0 ||
           g_strcmp0 (gtk_widget_get_tooltip_text (widget), wanted->text) == 0;
  if (GTK_IS_LABEL (widget))
    return strstr (gtk_label_get_text (GTK_LABEL (widget)), wanted->text) != NULL;
  return FALSE;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  Wanted wanted = { type, text };

  if (widget_matches (root, &wanted))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What a click does, at once (gtk_widget_activate() waits a moment). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *)user_data);
  return G_SOURCE_REMOVE;
}

#define WAIT_UNTIL(cond) G_STMT_START { \
    guint timeout_id = g_timeout_add_seconds (TIMEOUT_S, timeout_cb, (gpointer)#cond); \
    while (!(cond)) \
      g_main_context_iteration (NULL, TRUE); \
    g_source_remove (timeout_id); \
  } G_STMT_END

static gboolean
done_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* With $KZ_TEST_SCREENSHOT_DIR set (and ImageMagick), saves the X
 * screen as NAME.png there, to look at the user interface. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("KZ_TEST_SCREENSHOT_DIR");
  g_autofree char *command = NULL;
  gboolean done = FALSE;

  if (dir == NULL)
    return;

  g_timeout_add (500, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* The second advisor: a plain client without user interface. */
static KzSyncClient *
second_client (KzStore    *store,
               const char *url)
{
  g_autoptr(KzSyncClient) client = kz_sync_client_new (store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  kz_sync_client_login_async (client, url, "ben", "ben-geheim-2026", NULL, store_result, &result);
  WAIT_UNTIL (result != NULL);
  token = kz_sync_client_login_finish (client, result, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&client);
}

static void
sync_ok (KzSyncClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kz_sync_client_sync_async (client, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL);
  kz_sync_client_sync_finish (client, result, NULL, &error);
  g_assert_no_error (error);
}

static void
set_status (KzStore    *store,
            const char *uuid,
            const char *status)
{
  g_autoptr(KzRecord) record = kz_store_get (store, KZ_KIND_PROJECT, uuid, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (record);
  g_assert_true (kz_record_set_text (record, "status", status, &error));
  g_assert_true (kz_store_save (store, record, &error));
  g_assert_no_error (error);
}

static char *
get_status (KzStore    *store,
            const char *uuid)
{
  g_autoptr(KzRecord) record = kz_store_get (store, KZ_KIND_PROJECT, uuid, NULL);

  return kz_record_dup_text (record, "status");
}

static char *
new_project (KzStore *store)
{
  g_autoptr(KzRecord) record = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_record_set_text (record, "title", "Digitale Pflegedokumentation", NULL));
  g_assert_true (kz_record_set_text (record, "status", "planned", NULL));
  g_assert_true (kz_store_save (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (kz_record_get_uuid (record));
}

static void
sign_in (KzContext  *context,
         const char *url)
{
  GtkWidget *prefs = kz_preferences_window_new (context);
  KzSyncClient *client = kz_context_get_sync_client (context);
  g_autofree char *token = NULL;
  GtkWidget *error_row;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "sync");
  gtk_window_present (GTK_WINDOW (prefs));
  WAIT_UNTIL (gtk_widget_get_mapped (find_widget (prefs, GTK_TYPE_BUTTON, "_Sign In")));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (prefs, ADW_TYPE_ENTRY_ROW, "Server _Address")), url);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (prefs, ADW_TYPE_ENTRY_ROW, "_User Name")), "anna");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (prefs, ADW_TYPE_PASSWORD_ENTRY_ROW, "_Password")),
                         "falsch");
  click (find_widget (prefs, GTK_TYPE_BUTTON, "_Sign In"));
  /* A wrong password is explained inline. */
  error_row = find_widget (find_widget (prefs, KZ_TYPE_SYNC_PREFERENCES, NULL), ADW_TYPE_ACTION_ROW, NULL);
  g_assert_true (gtk_widget_has_css_class (error_row, "error"));
  WAIT_UNTIL (gtk_widget_get_visible (error_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row)), ==,
                   "The user name or the password is wrong.");
  screenshot ("prefs-wrong-password");

  gtk_editable_set_text (GTK_EDITABLE (find_widget (prefs, ADW_TYPE_PASSWORD_ENTRY_ROW, "_Password")),
                         "anna-geheim-2026");
  click (find_widget (prefs, GTK_TYPE_BUTTON, "_Sign In"));
  WAIT_UNTIL (kz_sync_client_get_state (client) == KZ_SYNC_STATE_IDLE &&
              kz_sync_session_get_last_sync (context) != NULL);

  /* The token went to the keyring, never the password. */
  token = kz_sync_secret_lookup (kz_sync_client_get_url (client), "anna", NULL, NULL);
  g_assert_nonnull (token);
  g_assert_nonnull (find_widget (prefs, ADW_TYPE_ACTION_ROW, NULL));
  WAIT_UNTIL (find_widget (prefs, GTK_TYPE_BUTTON, "Sign _Out") != NULL &&
              gtk_widget_is_visible (find_widget (prefs, GTK_TYPE_BUTTON, "Sign _Out")));
  screenshot ("prefs-signed-in");
  gtk_window_set_focus (GTK_WINDOW (prefs), NULL);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Signing out forgets the token here and on the server, keeps the
 * address and user for signing in again. */
static void
sign_out (KzContext *context)
{
  GtkWidget *prefs = kz_preferences_window_new (context);
  KzSyncClient *client = kz_context_get_sync_client (context);
  g_autofree char *url = g_strdup (kz_sync_client_get_url (client));
  g_autofree char *token = NULL;
  g_auto(KzSyncAccount) account = { 0 };

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "sync");
  gtk_window_present (GTK_WINDOW (prefs));
  click (find_widget (prefs, GTK_TYPE_BUTTON, "Sign _Out"));
  WAIT_UNTIL (kz_sync_client_get_state (client) == KZ_SYNC_STATE_SIGNED_OUT &&
              gtk_widget_is_sensitive (find_widget (prefs, GTK_TYPE_BUTTON, "_Sign In")));
  WAIT_UNTIL (gtk_widget_get_mapped (find_widget (prefs, GTK_TYPE_BUTTON, "_Sign In")));
  screenshot ("prefs-signed-out");

  token = kz_sync_secret_lookup (url, "anna", NULL, NULL);
  g_assert_null (token);
  g_assert_true (kz_sync_account_load (kz_store_get_path (kz_context_get_store (context)), &account, NULL));
  g_assert_cmpstr (account.url, ==, url);
  g_assert_cmpstr (account.user, ==, "anna");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (prefs, ADW_TYPE_ENTRY_ROW, "_User Name"))),
                   ==, "anna");

  gtk_window_set_focus (GTK_WINDOW (prefs), NULL);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static const char *
indicator_tooltip (GtkWidget *window)
{
  GtkWidget *indicator = find_widget (window, KZ_TYPE_SYNC_INDICATOR, NULL);

  g_assert_nonnull (indicator);
  return gtk_widget_get_tooltip_text (find_widget (indicator, GTK_TYPE_BUTTON, NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_sign_in_and_conflict (void)
{
  KzTestServer *server = kz_test_server_new ();
  g_autofree char *dir = g_dir_make_tmp ("kz-sync-gui-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "Büro Anna.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "ben.db", NULL);
  /* The resource base path loads the app's style.css. */
  g_autoptr(AdwApplication) app = g_object_new (ADW_TYPE_APPLICATION,
                                                "application-id", "com.example.Kompetenz.TestSyncGui",
                                                "flags", G_APPLICATION_NON_UNIQUE,
                                                "resource-base-path", "/com/example/Kompetenz",
                                                NULL);
  g_autoptr(GSettings) settings = g_settings_new ("com.example.Kompetenz");
  g_autoptr(KzStore) store_a = kz_store_open (path_a, NULL);
  g_autoptr(KzStore) store_b = kz_store_open (path_b, NULL);
  g_autoptr(KzContext) context = kz_context_new (store_a, settings);
  g_autoptr(KzSyncClient) client_b = NULL;
  KzSyncClient *client_a = kz_context_get_sync_client (context);
  g_autofree char *uuid = NULL;
  g_autofree char *status_a = NULL;
  g_autofree char *status_b = NULL;
  GtkWidget *window, *page, *card;

  kz_test_server_add_user (server, "anna", "staff", "anna-geheim-2026");
  kz_test_server_add_user (server, "ben", "staff", "ben-geheim-2026");
  kz_test_server_start (server, NULL);
  kz_store_set_author (store_a, "anna");
  kz_store_set_author (store_b, "ben");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  /* Not set up: no account in sync.ini, the indicator stays hidden. */
  kz_sync_session_start (context);
  window = GTK_WIDGET (kz_window_new (app, context));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (find_widget (window, KZ_TYPE_SYNC_INDICATOR, NULL)));

  uuid = new_project (store_a);
  sign_in (context, kz_test_server_get_url (server));
  WAIT_UNTIL (kz_sync_client_get_pending (client_a) == 0 &&
              kz_sync_client_get_state (client_a) == KZ_SYNC_STATE_IDLE);
  WAIT_UNTIL (strstr (indicator_tooltip (window), "Synced") != NULL);
  g_assert_true (gtk_widget_get_visible (find_widget (window, KZ_TYPE_SYNC_INDICATOR, NULL)));
  screenshot ("window-synced");

  /* Ben changes the status first; Anna's change then conflicts. */
  client_b = second_client (store_b, kz_test_server_get_url (server));
  sync_ok (client_b);
  set_status (store_b, uuid, "running");
  sync_ok (client_b);
  set_status (store_a, uuid, "paused");
  kz_sync_session_sync_now (context);
  WAIT_UNTIL (kz_sync_client_get_conflicts (client_a) == 1 &&
              kz_sync_client_get_state (client_a) != KZ_SYNC_STATE_SYNCING);
  WAIT_UNTIL (strstr (indicator_tooltip (window), "1 conflict: someone else changed") != NULL);

  /* The conflicts page lists it with both values, as labels. */
  g_assert_true (kz_window_show_page (KZ_WINDOW (window), "conflicts"));
  page = find_widget (window, KZ_TYPE_CONFLICTS_PAGE, NULL);
  g_assert_cmpuint (kz_conflicts_page_get_n_cards (KZ_CONFLICTS_PAGE (page)), ==, 1);
  card = kz_conflicts_page_get_card (KZ_CONFLICTS_PAGE (page), 0);
  g_assert_nonnull (find_widget (card, GTK_TYPE_LABEL, "Project: Digitale Pflegedokumentation"));
  g_assert_nonnull (find_widget (card, GTK_TYPE_LABEL, "Theirs (ben)"));
  g_assert_nonnull (find_widget (card, GTK_TYPE_LABEL, "Mine (anna)"));
  g_assert_nonnull (find_widget (card, GTK_TYPE_LABEL, "Running"));
  g_assert_nonnull (find_widget (card, GTK_TYPE_LABEL, "Paused"));
  g_assert_nonnull (find_widget (card, GTK_TYPE_LABEL, "Planned"));
  screenshot ("conflicts-wide");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (find_widget (window, ADW_TYPE_LEAFLET, NULL)), "content");
  screenshot ("conflicts-narrow");

  /* An invalid edited value is refused inline and kept. */
  click (find_widget (card, GTK_TYPE_BUTTON, "Edit…"));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (card, GTK_TYPE_ENTRY, NULL)), "gibt es nicht");
  click (find_widget (card, GTK_TYPE_BUTTON, "_Use This Value"));
  g_assert_true (gtk_widget_get_visible (find_with_class (card, GTK_TYPE_LABEL, "error")));
  g_assert_true (gtk_widget_has_css_class (find_widget (card, GTK_TYPE_ENTRY, NULL), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (card, GTK_TYPE_ENTRY, NULL))),
                   ==, "gibt es nicht");
  g_assert_cmpuint (kz_sync_client_get_conflicts (client_a), ==, 1);
  screenshot ("conflicts-invalid-edit");

  /* Keep Mine: both portfolios converge on Anna's value. */
  click (find_widget (card, GTK_TYPE_BUTTON, "Keep _Mine"));
  WAIT_UNTIL (kz_sync_client_get_conflicts (client_a) == 0 &&
              kz_sync_client_get_state (client_a) == KZ_SYNC_STATE_IDLE &&
              kz_sync_client_get_pending (client_a) == 0);
  WAIT_UNTIL (kz_conflicts_page_get_n_cards (KZ_CONFLICTS_PAGE (page)) == 0);
  screenshot ("conflicts-resolved");
  sync_ok (client_b);
  status_a = get_status (store_a, uuid);
  status_b = get_status (store_b, uuid);
  g_assert_cmpstr (status_a, ==, "paused");
  g_assert_cmpstr (status_b, ==, "paused");
  g_assert_cmpuint (kz_sync_client_get_conflicts (client_b), ==, 0);

  /* The next start finds the account in sync.ini and the token in the
   * keyring, and syncs by itself.  (One connection per portfolio: the
   * store is locked.) */
  {
    g_autoptr(KzContext) restarted = kz_context_new (store_a, settings);
    KzSyncClient *client = kz_context_get_sync_client (restarted);

    kz_sync_session_start (restarted);
    WAIT_UNTIL (kz_sync_client_get_state (client) == KZ_SYNC_STATE_IDLE &&
                kz_sync_session_get_last_sync (restarted) != NULL);
    g_assert_cmpstr (kz_sync_client_get_user (client), ==, "anna");
    kz_sync_client_set_automatic (client, FALSE);
  }

  sign_out (context);
  WAIT_UNTIL (strstr (indicator_tooltip (window), "Signed out") != NULL);

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  kz_sync_client_set_automatic (client_a, FALSE);
  kz_test_server_free (server);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_dir = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  /* Not G_TEST_OPTION_ISOLATE_DIRS: that hides the icon theme.  sync.ini
   * goes to a temporary config folder instead. */
  config_dir = g_dir_make_tmp ("kz-sync-gui-config-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* Without a window manager, Xvfb sends no focus-out events and GtkText
   * warns about it; criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/sync/gui/sign-in-and-conflict", test_sign_in_and_conflict);

  status = g_test_run ();
  remove_tree (config_dir);
  return status;
}
