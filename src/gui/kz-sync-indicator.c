/* kz-sync-indicator.c
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

#define G_LOG_DOMAIN "kz-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kz-sync-indicator.h"
#include "kz-sync-session.h"

struct _KzSyncIndicator
{
  AdwBin        parent_instance;

  KzContext    *context;
  KzSyncClient *client;
  char         *style;
  char         *action;
  char         *shown;    /* what the widgets show now, to touch them only on change */

  /* template */
  GtkWidget      *button;
  GtkSpinner     *spinner;
  GtkImage       *icon;
  GtkLabel       *label;
  GtkPopover     *popover;
  GtkLabel       *popover_title;
  GtkProgressBar *progress_bar;
  GtkLabel       *popover_detail;
  GtkWidget      *cancel_button;
  GtkWidget      *sync_button;
};

G_DEFINE_FINAL_TYPE (KzSyncIndicator, kz_sync_indicator, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Looks */

void
kz_sync_look_clear (KzSyncLook *look)
{
  g_clear_pointer (&look->label, g_free);
  g_clear_pointer (&look->tooltip, g_free);
}

static char *
join_last_sync (const char *text,
                const char *last_sync)
{
  if (last_sync == NULL)
    return g_strdup (text);

  return g_strdup_printf ("%s\n%s", text, last_sync);
}

static void
describe_progress (KzSyncLook *look,
                   double      progress)
{
  look->spinning = TRUE;
  look->action = "popover";
  if (progress >= 0)
    {
      /* Translators: sync progress, "42 %" */
      look->label = g_strdup_printf (_("%d %%"), (int)(progress * 100));
      look->tooltip = g_strdup_printf (_("Syncing… %d %% received"), (int)(progress * 100));
    }
  else
    look->tooltip = g_strdup (_("Syncing…"));
}

static void
describe_pending (KzSyncLook *look,
                  KzSyncState state,
                  guint       pending,
                  const char *last_sync)
{
  g_autofree char *text = NULL;

  if (state == KZ_SYNC_STATE_OFFLINE)
    {
      look->icon_name = "network-offline-symbolic";
      if (pending > 0)
        /* Translators: the number of local changes not yet sent */
        text = g_strdup_printf (g_dngettext (NULL, "Offline — %u change waiting",
                                             "Offline — %u changes waiting", pending), pending);
      else
        text = g_strdup (_("Offline — everything is saved on this computer"));
    }
  else if (pending > 0)
    {
      look->icon_name = "emblem-synchronizing-symbolic";
      text = g_strdup_printf (g_dngettext (NULL, "%u change waiting to be sent",
                                           "%u changes waiting to be sent", pending), pending);
    }
  else
    {
      look->icon_name = "emblem-ok-symbolic";
      text = g_strdup (_("Synced"));
    }

  if (pending > 0)
    look->label = g_strdup_printf ("%u", pending);
  look->tooltip = join_last_sync (text, last_sync);
  look->action = "sync";
}

void
kz_sync_look_describe (KzSyncLook  *look,
                       KzSyncState  state,
                       guint        pending,
                       guint        conflicts,
                       double       progress,
                       const char  *last_error,
                       const char  *last_sync)
{
  memset (look, 0, sizeof *look);
  look->visible = state != KZ_SYNC_STATE_DISABLED;

  if (state == KZ_SYNC_STATE_DISABLED || state == KZ_SYNC_STATE_SIGNED_OUT)
    {
      look->icon_name = "system-lock-screen-symbolic";
      look->tooltip = g_strdup (_("Signed out of the sync server — sign in again in the preferences"));
      look->action = "preferences";
    }
  else if (state == KZ_SYNC_STATE_SYNCING)
    describe_progress (look, progress);
  else if (conflicts > 0)
    {
      /* Compact enough for a phone: the icon and the number, the
       * words in the tooltip. */
      look->icon_name = "dialog-warning-symbolic";
      look->label = g_strdup_printf ("%u", conflicts);
      look->tooltip = g_strdup_printf (g_dngettext (NULL,
                                                    "%u conflict: someone else changed the same field; choose which version to keep",
                                                    "%u conflicts: someone else changed the same fields; choose which version to keep",
                                                    conflicts), conflicts);
      look->style = "conflicts";
      look->action = "conflicts";
    }
  else if (state == KZ_SYNC_STATE_ERROR)
    {
      look->icon_name = "dialog-warning-symbolic";
      look->tooltip = g_strdup_printf (_("Sync failed: %s"), last_error ? last_error : _("unknown error"));
      look->style = "error";
      look->action = "popover";
    }
  else
    describe_pending (look, state, pending, last_sync);
}

/* Widget */

static void
update_popover (KzSyncIndicator *self,
                KzSyncState      state,
                const KzSyncLook *look)
{
  double progress = -1;

  g_object_get (self->client, "progress", &progress, NULL);

  gtk_label_set_text (self->popover_title, look->tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == KZ_SYNC_STATE_SYNCING);
  if (progress >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, progress);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  gtk_label_set_text (self->popover_detail,
                      state == KZ_SYNC_STATE_SYNCING
                      ? _("Cancelling keeps what has arrived; the next sync continues from there.")
                      : "");
  gtk_widget_set_visible (GTK_WIDGET (self->popover_detail), state == KZ_SYNC_STATE_SYNCING);
  gtk_widget_set_visible (self->cancel_button, state == KZ_SYNC_STATE_SYNCING);
  gtk_widget_set_visible (self->sync_button, state != KZ_SYNC_STATE_SYNCING);
}

static void
update (KzSyncIndicator *self)
{
  g_auto(KzSyncLook) look = { 0 };
  g_autofree char *last_sync = NULL;
  g_autofree char *shown = NULL;
  KzSyncState state;
  double progress = -1;

  if (self->client == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  state = kz_sync_client_get_state (self->client);
  g_object_get (self->client, "progress", &progress, NULL);
  last_sync = kz_sync_session_describe_last_sync (self->context);
  kz_sync_look_describe (&look, state, kz_sync_client_get_pending (self->client),
                         kz_sync_client_get_conflicts (self->client), progress,
                         kz_sync_client_get_last_error (self->client), last_sync);
  /* Hidden or unchanged: leave the widgets alone, so that counting
   * pending edits never queues a resize of the header bar. */
  shown = g_strdup_printf ("%d|%d|%s|%s|%s|%s|%d", look.visible, look.spinning,
                           look.icon_name ? look.icon_name : "", look.label ? look.label : "",
                           look.visible && look.tooltip ? look.tooltip : "",
                           look.style ? look.style : "", state);
  if (g_strcmp0 (shown, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&shown);

  gtk_widget_set_visible (GTK_WIDGET (self), look.visible);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), look.spinning);
  gtk_spinner_set_spinning (self->spinner, look.spinning);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), look.icon_name != NULL);
  gtk_image_set_from_icon_name (self->icon, look.icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->label), look.label != NULL);
  gtk_label_set_text (self->label, look.label ? look.label : "");
  gtk_widget_set_tooltip_text (self->button, look.tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sync Status"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, look.tooltip,
                                  -1);

  if (self->style != NULL)
    gtk_widget_remove_css_class (self->button, self->style);
  g_free (self->style);
  self->style = g_strdup (look.style);
  if (self->style != NULL)
    gtk_widget_add_css_class (self->button, self->style);
  g_free (self->action);
  self->action = g_strdup (look.action);

  update_popover (self, state, &look);
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)) && state != KZ_SYNC_STATE_SYNCING &&
      state != KZ_SYNC_STATE_ERROR)
    gtk_popover_popdown (self->popover);
}

static void
button_clicked_cb (KzSyncIndicator *self)
{
  if (self->context == NULL || self->action == NULL)
    return;

  if (g_str_equal (self->action, "sync"))
    kz_sync_session_sync_now (self->context);
  else if (g_str_equal (self->action, "conflicts"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "conflicts");
  else if (g_str_equal (self->action, "preferences"))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL);
  else
    gtk_popover_popup (self->popover);
}

static void
cancel_clicked_cb (KzSyncIndicator *self)
{
  if (self->context != NULL)
    kz_sync_session_cancel (self->context);
  gtk_popover_popdown (self->popover);
}

static void
sync_clicked_cb (KzSyncIndicator *self)
{
  if (self->context != NULL)
    kz_sync_session_sync_now (self->context);
}

static void
kz_sync_indicator_dispose (GObject *object)
{
  KzSyncIndicator *self = (KzSyncIndicator *)object;

  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->popover));
  self->popover = NULL;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  /* AdwBin unparents its child itself. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_SYNC_INDICATOR);
  g_clear_object (&self->client);
  g_clear_object (&self->context);
  g_clear_pointer (&self->style, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (kz_sync_indicator_parent_class)->dispose (object);
}

static void
kz_sync_indicator_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  KzSyncIndicator *self = KZ_SYNC_INDICATOR (widget);

  GTK_WIDGET_CLASS (kz_sync_indicator_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->popover != NULL)
    gtk_popover_present (self->popover);
}

static void
kz_sync_indicator_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KzSyncIndicator *self = KZ_SYNC_INDICATOR (object);

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
kz_sync_indicator_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KzSyncIndicator *self = KZ_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      kz_sync_indicator_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_sync_indicator_class_init (KzSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_sync_indicator_dispose;
  object_class->get_property = kz_sync_indicator_get_property;
  object_class->set_property = kz_sync_indicator_set_property;
  widget_class->size_allocate = kz_sync_indicator_size_allocate;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, label);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, popover_title);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, popover_detail);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KzSyncIndicator, sync_button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_clicked_cb);
}

static void
kz_sync_indicator_init (KzSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
  update (self);
}

KzContext *
kz_sync_indicator_get_context (KzSyncIndicator *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_INDICATOR (self), NULL);

  return self->context;
}

void
kz_sync_indicator_set_context (KzSyncIndicator *self,
                               KzContext       *context)
{
  g_return_if_fail (KZ_IS_SYNC_INDICATOR (self));
  g_return_if_fail (!context || KZ_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->context, context);
  g_clear_object (&self->client);
  if (context != NULL)
    self->client = g_object_ref (kz_context_get_sync_client (context));
  if (self->client != NULL)
    {
      const char *names[] = { "notify::state", "notify::pending", "notify::conflicts",
                              "notify::progress", "notify::last-error" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_signal_connect_swapped (self->client, names[i], G_CALLBACK (update), self);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
