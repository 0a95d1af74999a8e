/* kz-after-paint.c
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

/* Work started after the first frame: the sidebar's counts, the
 * overview's figures and maturity averages read the whole portfolio in
 * workers that would otherwise compete with the window's start for
 * the processor. */

#define G_LOG_DOMAIN "kz-after-paint"

#include "config.h"

#include "kz-after-paint.h"

#define PAINTED_KEY "kz-first-frame-painted"

typedef struct
{
  GWeakRef          widget;
  KzAfterPaintFunc  func;
  GQuark            key;       /* set on the widget while this waits */
  gpointer          instance;  /* the widget or its frame clock */
  gulong            handler;
} Pending;

static void
pending_free (gpointer  data,
              GClosure *closure)
{
  Pending *pending = data;

  g_weak_ref_clear (&pending->widget);
  g_free (pending);
}

static GQuark
pending_key (KzAfterPaintFunc func)
{
  g_autofree char *name = NULL;
  union { KzAfterPaintFunc func; guintptr address; } as = { func };

  name = g_strdup_printf ("kz-after-paint-%" G_GUINTPTR_FORMAT, as.address);
  return g_quark_from_string (name);
}

static gboolean
has_painted (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL && g_object_get_data (G_OBJECT (root), PAINTED_KEY) != NULL;
}

/* The widget's "map", then its frame clock's "after-paint". */
static void
signal_cb (gpointer instance,
           gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&pending->widget);
  KzAfterPaintFunc func = pending->func;
  GQuark key = pending->key;
  gboolean painted = GDK_IS_FRAME_CLOCK (instance);

  /* Frees @pending. */
  g_signal_handler_disconnect (instance, pending->handler);

  if (widget == NULL)
    return;

  g_object_set_qdata (G_OBJECT (widget), key, NULL);
  if (!painted)
    {
      kz_after_first_paint (widget, func);
      return;
    }

  if (gtk_widget_get_root (widget) != NULL)
    g_object_set_data (G_OBJECT (gtk_widget_get_root (widget)), PAINTED_KEY, GINT_TO_POINTER (TRUE));
  func (widget);
}

static void
wait_for (GtkWidget        *widget,
          KzAfterPaintFunc  func,
          GQuark            key)
{
  Pending *pending = g_new0 (Pending, 1);
  GdkFrameClock *clock = gtk_widget_get_mapped (widget) ? gtk_widget_get_frame_clock (widget) : NULL;

  g_weak_ref_init (&pending->widget, widget);
  pending->func = func;
  pending->key = key;
  pending->instance = clock ? (gpointer)clock : (gpointer)widget;
  pending->handler = g_signal_connect_data (pending->instance, clock ? "after-paint" : "map",
                                            G_CALLBACK (signal_cb), pending, pending_free, 0);
  g_object_set_qdata (G_OBJECT (widget), key, GINT_TO_POINTER (TRUE));

  /* A mapped widget that asks for nothing would wait for a frame that
   * might not come. */
  if (clock != NULL)
    gtk_widget_queue_draw (widget);
}

void
kz_after_first_paint (GtkWidget        *widget,
                      KzAfterPaintFunc  func)
{
  GQuark key;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  if (has_painted (widget))
    {
      func (widget);
      return;
    }

  /* Asked again while waiting: it runs once. */
  key = pending_key (func);
  if (g_object_get_qdata (G_OBJECT (widget), key) != NULL)
    return;

  wait_for (widget, func, key);
}
