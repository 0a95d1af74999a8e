/* kz-progress-bar.c
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

#define G_LOG_DOMAIN "kz-progress-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-progress-bar.h"

struct _KzProgressBar
{
  AdwBin          parent_instance;

  GtkRevealer    *revealer;
  GtkLabel       *title_label;
  GtkLabel       *message_label;
  GtkProgressBar *progress;
  GtkButton      *cancel_button;
  GCancellable   *cancellable;

  /* Handed over from worker threads. */
  GMutex          lock;
  char           *pending_message;
  double          pending_fraction;
  guint           pending_idle;
};

G_DEFINE_FINAL_TYPE (KzProgressBar, kz_progress_bar, ADW_TYPE_BIN)

static void
cancel_clicked_cb (KzProgressBar *self)
{
  kz_progress_bar_cancel (self);
}

static gboolean
apply_pending_cb (gpointer user_data)
{
  KzProgressBar *self = user_data;
  g_autofree char *message = NULL;
  double fraction;

  g_mutex_lock (&self->lock);
  message = g_steal_pointer (&self->pending_message);
  fraction = self->pending_fraction;
  self->pending_idle = 0;
  g_mutex_unlock (&self->lock);

  if (self->cancellable != NULL)
    kz_progress_bar_update (self, message, fraction);

  return G_SOURCE_REMOVE;
}

static GtkWidget *
build_labels (KzProgressBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (self->message_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_label));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  return box;
}

static void
kz_progress_bar_dispose (GObject *object)
{
  KzProgressBar *self = (KzProgressBar *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* Workers may still hold the bar: it must not touch its widgets. */
  self->revealer = NULL;
  self->title_label = NULL;
  self->message_label = NULL;
  self->progress = NULL;
  self->cancel_button = NULL;

  G_OBJECT_CLASS (kz_progress_bar_parent_class)->dispose (object);
}

static void
kz_progress_bar_finalize (GObject *object)
{
  KzProgressBar *self = (KzProgressBar *)object;

  g_free (self->pending_message);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (kz_progress_bar_parent_class)->finalize (object);
}

static void
kz_progress_bar_class_init (KzProgressBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kz_progress_bar_dispose;
  object_class->finalize = kz_progress_bar_finalize;
}

static void
kz_progress_bar_init (KzProgressBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row, *outer;

  g_mutex_init (&self->lock);

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  gtk_widget_set_valign (GTK_WIDGET (self->cancel_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), build_labels (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (box, TRUE);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->cancel_button));

  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (outer), row);
  gtk_widget_add_css_class (outer, "background");

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (self->revealer, outer);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}

KzProgressBar *
kz_progress_bar_get_for_window (AdwApplicationWindow *window)
{
  KzProgressBar *self;
  GtkWidget *content, *child, *box;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);

  if ((self = g_object_get_data (G_OBJECT (window), "kz-progress-bar")))
    return self;

  /* The window's content is its toast overlay; the bar goes below the
   * overlay's child, so toasts still float over everything. */
  content = adw_application_window_get_content (window);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self = g_object_new (KZ_TYPE_PROGRESS_BAR, NULL);

  if (ADW_IS_TOAST_OVERLAY (content))
    {
      child = g_object_ref (adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (content)));
      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (content), NULL);
      gtk_widget_set_vexpand (child, TRUE);
      gtk_box_append (GTK_BOX (box), child);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self));
      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (content), box);
      g_object_unref (child);
    }
  else
    {
      g_object_ref (content);
      adw_application_window_set_content (window, NULL);
      gtk_widget_set_vexpand (content, TRUE);
      gtk_box_append (GTK_BOX (box), content);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self));
      adw_application_window_set_content (window, box);
      g_object_unref (content);
    }

  g_object_set_data (G_OBJECT (window), "kz-progress-bar", self);
  return self;
}

GCancellable *
kz_progress_bar_begin (KzProgressBar *self,
                       const char    *title)
{
  g_return_val_if_fail (KZ_IS_PROGRESS_BAR (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (self->cancellable != NULL || self->revealer == NULL)
    return NULL;

  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->message_label, "");
  gtk_progress_bar_set_fraction (self->progress, 0.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  return self->cancellable;
}

gboolean
kz_progress_bar_is_busy (KzProgressBar *self)
{
  g_return_val_if_fail (KZ_IS_PROGRESS_BAR (self), FALSE);
  return self->cancellable != NULL;
}

void
kz_progress_bar_update (KzProgressBar *self,
                        const char    *message,
                        double         fraction)
{
  g_return_if_fail (KZ_IS_PROGRESS_BAR (self));

  if (self->revealer == NULL)
    return;
  if (message != NULL)
    gtk_label_set_label (self->message_label, message);
  gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0.0, 1.0));
}

void
kz_progress_bar_report (const char *message,
                        double      fraction,
                        gpointer    user_data)
{
  KzProgressBar *self = user_data;

  g_mutex_lock (&self->lock);
  if (message != NULL)
    {
      g_free (self->pending_message);
      self->pending_message = g_strdup (message);
    }
  self->pending_fraction = fraction;
  if (self->pending_idle == 0)
    self->pending_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_pending_cb,
                                          g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->lock);
}

void
kz_progress_bar_cancel (KzProgressBar *self)
{
  g_return_if_fail (KZ_IS_PROGRESS_BAR (self));

  if (self->cancellable == NULL || self->revealer == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->message_label, _("Cancelling…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

void
kz_progress_bar_end (KzProgressBar *self)
{
  g_return_if_fail (KZ_IS_PROGRESS_BAR (self));

  g_clear_object (&self->cancellable);
  if (self->revealer != NULL)
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
}
