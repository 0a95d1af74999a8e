/* kz-sync-preferences.c
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

#define G_LOG_DOMAIN "kz-sync-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-sync-certificate.h"
#include "kz-sync-preferences.h"
#include "kz-sync-session.h"

struct _KzSyncPreferences
{
  AdwPreferencesGroup  parent_instance;

  KzContext           *context;
  KzSyncClient        *client;
  GCancellable        *cancellable;
  GTlsCertificate     *certificate;   /* offered for trust */
  gboolean             busy;

  /* template */
  AdwEntryRow         *url_row;
  AdwEntryRow         *user_row;
  AdwEntryRow         *password_row;
  AdwActionRow        *error_row;
  GtkWidget           *certificate_row;
  GtkLabel            *fingerprint_label;
  AdwActionRow        *account_row;
  AdwActionRow        *status_row;
  GtkWidget           *sign_in_box;
  GtkSpinner          *spinner;
  GtkWidget           *sign_in_button;
  GtkWidget           *sign_out_button;
};

G_DEFINE_FINAL_TYPE (KzSyncPreferences, kz_sync_preferences, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
is_signed_in (KzSyncPreferences *self)
{
  KzSyncState state = kz_sync_client_get_state (self->client);

  return state != KZ_SYNC_STATE_DISABLED && state != KZ_SYNC_STATE_SIGNED_OUT;
}

static void
show_error (KzSyncPreferences *self,
            const char        *message)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->error_row), message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), message != NULL);
}

static void
set_busy (KzSyncPreferences *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->sign_in_button, !busy);
  gtk_widget_set_sensitive (self->sign_out_button, !busy);
  gtk_widget_set_sensitive (self->certificate_row, !busy);
}

static char *
describe_status (KzSyncPreferences *self)
{
  guint pending = kz_sync_client_get_pending (self->client);
  KzSyncState state = kz_sync_client_get_state (self->client);

  if (state == KZ_SYNC_STATE_SYNCING)
    return g_strdup (_("Syncing…"));
  if (state == KZ_SYNC_STATE_ERROR && kz_sync_client_get_last_error (self->client))
    return g_strdup (kz_sync_client_get_last_error (self->client));
  if (pending > 0)
    return g_strdup_printf (g_dngettext (NULL, "%u change waiting to be sent",
                                         "%u changes waiting to be sent", pending), pending);
  if (state == KZ_SYNC_STATE_OFFLINE)
    return g_strdup (_("Offline — nothing waiting to be sent"));

  return g_strdup (_("Everything is sent"));
}

static void
update_status (KzSyncPreferences *self)
{
  g_autofree char *signed_in = NULL;
  g_autofree char *last_sync = NULL;
  g_autofree char *status = NULL;

  if (!is_signed_in (self))
    return;

  /* Translators: "Signed in as anna at https://sync.example.org" */
  signed_in = g_strdup_printf (_("Signed in as %s at %s"), kz_sync_client_get_user (self->client),
                               kz_sync_client_get_url (self->client));
  last_sync = kz_sync_session_describe_last_sync (self->context);
  status = describe_status (self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), signed_in);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 last_sync ? last_sync : _("Not synced yet"));
  adw_action_row_set_subtitle (self->status_row, status);
}

static void
update (KzSyncPreferences *self)
{
  gboolean signed_in = self->client != NULL && is_signed_in (self);

  gtk_widget_set_visible (GTK_WIDGET (self->url_row), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->user_row), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), !signed_in);
  gtk_widget_set_visible (self->sign_in_box, !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), signed_in);
  if (signed_in)
    {
      show_error (self, NULL);
      gtk_widget_set_visible (self->certificate_row, FALSE);
    }
  if (self->client != NULL)
    update_status (self);
}

/* Signing in */

static void sign_in_cb (KzSyncPreferences *self);

static void
certificate_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KzSyncPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = kz_sync_fetch_certificate_finish (result, &error);
  g_autofree char *fingerprint = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (certificate == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_set_object (&self->certificate, certificate);
  fingerprint = kz_sync_certificate_fingerprint (certificate);
  /* Translators: %s is a fingerprint like "AB:CD:…" */
  gtk_label_set_text (self->fingerprint_label, fingerprint);
  gtk_widget_set_visible (self->certificate_row, TRUE);
}

static void
sign_in_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KzSyncPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (kz_sync_session_sign_in_finish (KZ_CONTEXT (object), result, &error))
    {
      set_busy (self, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      update (self);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  message = kz_sync_session_explain_error (error);
  show_error (self, message);
  if (g_error_matches (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_TLS) &&
      kz_sync_client_get_url (self->client) != NULL)
    {
      kz_sync_fetch_certificate_async (kz_sync_client_get_url (self->client), self->cancellable,
                                       certificate_done_cb, g_object_ref (self));
      return;
    }

  set_busy (self, FALSE);
}

static void
sign_in_cb (KzSyncPreferences *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->busy || self->context == NULL || is_signed_in (self))
    return;

  gtk_widget_set_visible (self->certificate_row, FALSE);
  if (url[0] == 0 || user[0] == 0 || password[0] == 0)
    {
      show_error (self, _("Enter the server address, your user name and your password."));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  kz_sync_session_sign_in_async (self->context, url, user, password, self->cancellable,
                                 sign_in_done_cb, g_object_ref (self));
}

/* Only an explicit click trusts a certificate. */
static void
trust_cb (KzSyncPreferences *self)
{
  g_autoptr(GError) error = NULL;

  if (self->certificate == NULL || self->context == NULL)
    return;

  if (!kz_sync_session_trust_certificate (self->context, self->certificate, &error))
    g_message ("The trusted certificate is used now but could not be saved: %s", error->message);

  g_clear_object (&self->certificate);
  gtk_widget_set_visible (self->certificate_row, FALSE);
  sign_in_cb (self);
}

static void
sign_out_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KzSyncPreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kz_sync_session_sign_out_finish (KZ_CONTEXT (object), result, &error))
    g_message ("Could not remove the sign-in from the keyring: %s", error->message);

  set_busy (self, FALSE);
  update (self);
}

static void
sign_out_cb (KzSyncPreferences *self)
{
  if (self->busy || self->context == NULL)
    return;

  set_busy (self, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), kz_sync_client_get_url (self->client));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), kz_sync_client_get_user (self->client));
  kz_sync_session_sign_out_async (self->context, NULL, sign_out_done_cb, g_object_ref (self));
}

static void
sync_now_cb (KzSyncPreferences *self)
{
  if (self->context != NULL)
    kz_sync_session_sync_now (self->context);
}

/* GObject */

static void
kz_sync_preferences_dispose (GObject *object)
{
  KzSyncPreferences *self = (KzSyncPreferences *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->context);
  g_clear_object (&self->certificate);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_SYNC_PREFERENCES);

  G_OBJECT_CLASS (kz_sync_preferences_parent_class)->dispose (object);
}

static void
kz_sync_preferences_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KzSyncPreferences *self = KZ_SYNC_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_sync_preferences_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KzSyncPreferences *self = KZ_SYNC_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      kz_sync_preferences_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_sync_preferences_class_init (KzSyncPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_sync_preferences_dispose;
  object_class->get_property = kz_sync_preferences_get_property;
  object_class->set_property = kz_sync_preferences_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-sync-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, url_row);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, user_row);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, password_row);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, error_row);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, account_row);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, status_row);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, sign_in_box);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, spinner);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, KzSyncPreferences, sign_out_button);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, trust_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_now_cb);
}

static void
kz_sync_preferences_init (KzSyncPreferences *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

KzContext *
kz_sync_preferences_get_context (KzSyncPreferences *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_PREFERENCES (self), NULL);

  return self->context;
}

static void
prefill (KzSyncPreferences *self)
{
  const char *url = kz_sync_client_get_url (self->client);
  const char *user = kz_sync_client_get_user (self->client);

  if (url == NULL)
    url = kz_sync_session_get_url (self->context);
  if (user == NULL)
    user = kz_sync_session_get_user (self->context);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user ? user : "");
}

void
kz_sync_preferences_set_context (KzSyncPreferences *self,
                                 KzContext         *context)
{
  const char *names[] = { "notify::state", "notify::pending", "notify::last-error" };

  g_return_if_fail (KZ_IS_SYNC_PREFERENCES (self));
  g_return_if_fail (!context || KZ_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      self->client = g_object_ref (kz_context_get_sync_client (context));
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_signal_connect_swapped (self->client, names[i], G_CALLBACK (update), self);
      prefill (self);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
