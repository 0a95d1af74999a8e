/* kz-context.c
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

#define G_LOG_DOMAIN "kz-context"

#include "config.h"

#include "kz-context.h"
#include "kz-thread-task.h"

struct _KzContext
{
  GObject    parent_instance;

  KzStore   *store;
  GSettings *settings;
  KzSyncClient *sync_client;

  gulong     store_changed_id;
  guint      emit_source;
  guint      pending_kind;
};

G_DEFINE_FINAL_TYPE (KzContext, kz_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  KzContext *self;
  guint      kind;
} ChangedData;

static void
changed_data_free (gpointer data)
{
  ChangedData *changed = data;

  g_object_unref (changed->self);
  g_free (changed);
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  KzContext *self = user_data;
  guint kind = self->pending_kind;

  self->emit_source = 0;
  self->pending_kind = KZ_N_KINDS + 1;
  g_signal_emit (self, signals[CHANGED], 0, kind);

  return G_SOURCE_REMOVE;
}

/* Runs on the main thread: merges a change into the pending one and
 * emits once the burst is over. */
static gboolean
queue_changed_cb (gpointer user_data)
{
  ChangedData *changed = user_data;
  KzContext *self = changed->self;

  if (self->pending_kind > KZ_N_KINDS)
    self->pending_kind = changed->kind;
  else if (self->pending_kind != changed->kind)
    self->pending_kind = KZ_N_KINDS;

  if (self->emit_source == 0)
    self->emit_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 50,
                                            emit_changed_cb, g_object_ref (self),
                                            g_object_unref);

  return G_SOURCE_REMOVE;
}

static void
queue_changed (KzContext *self,
               guint      kind)
{
  ChangedData *changed = g_new0 (ChangedData, 1);

  changed->self = g_object_ref (self);
  changed->kind = MIN (kind, KZ_N_KINDS);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, queue_changed_cb,
                              changed, changed_data_free);
}

/* May run on any thread: the store emits on the thread that wrote. */
static void
store_changed_cb (KzStore    *store,
                  guint       kind,
                  const char *uuid,
                  KzContext  *self)
{
  queue_changed (self, kind);
}

static void
count_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  KzContext *self = source_object;
  g_autofree KzCounts *counts = g_new0 (KzCounts, 1);

  for (guint kind = 0; kind < KZ_N_KINDS; kind++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      counts->kinds[kind] = kz_store_count (self->store, kind);
    }
  counts->empty = kz_store_is_empty (self->store);

  g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

static void
kz_context_constructed (GObject *object)
{
  KzContext *self = (KzContext *)object;

  G_OBJECT_CLASS (kz_context_parent_class)->constructed (object);

  g_assert (KZ_IS_STORE (self->store));
  g_assert (G_IS_SETTINGS (self->settings));

  self->store_changed_id = g_signal_connect (self->store, "changed",
                                             G_CALLBACK (store_changed_cb), self);
  self->sync_client = kz_sync_client_new (self->store);
}

static void
kz_context_dispose (GObject *object)
{
  KzContext *self = (KzContext *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_handle_id (&self->emit_source, g_source_remove);
  g_clear_object (&self->sync_client);

  G_OBJECT_CLASS (kz_context_parent_class)->dispose (object);
}

static void
kz_context_finalize (GObject *object)
{
  KzContext *self = (KzContext *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kz_context_parent_class)->finalize (object);
}

static void
kz_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KzContext *self = KZ_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KzContext *self = KZ_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_context_class_init (KzContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kz_context_constructed;
  object_class->dispose = kz_context_dispose;
  object_class->finalize = kz_context_finalize;
  object_class->get_property = kz_context_get_property;
  object_class->set_property = kz_context_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KZ_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
kz_context_init (KzContext *self)
{
  self->pending_kind = KZ_N_KINDS + 1;
}

KzContext *
kz_context_new (KzStore   *store,
                GSettings *settings)
{
  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (KZ_TYPE_CONTEXT,
                       "store", store,
                       "settings", settings,
                       NULL);
}

KzStore *
kz_context_get_store (KzContext *self)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (self), NULL);

  return self->store;
}

GSettings *
kz_context_get_settings (KzContext *self)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (self), NULL);

  return self->settings;
}

KzSyncClient *
kz_context_get_sync_client (KzContext *self)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (self), NULL);

  return self->sync_client;
}

void
kz_context_notify_changed (KzContext *self,
                           KzKind     kind)
{
  g_return_if_fail (KZ_IS_CONTEXT (self));

  queue_changed (self, kind);
}

void
kz_context_count_async (KzContext           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KZ_IS_CONTEXT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_context_count_async);
  kz_thread_task_run (task, count_worker);
}

KzCounts *
kz_context_count_finish (KzContext     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
