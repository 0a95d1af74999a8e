/* kz-undo-manager.c
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

#define G_LOG_DOMAIN "kz-undo-manager"

#include "config.h"

#include "kz-undo-manager.h"

#define MAX_STEPS 100

typedef enum { OP_SAVE, OP_DELETE, OP_RESTORE, OP_LINK } OpType;

typedef struct
{
  OpType    type;
  KzRecord *before;   /* OP_SAVE: NULL when the record was new */
  KzRecord *after;    /* OP_SAVE */
  KzKind    kind;     /* OP_DELETE, OP_RESTORE */
  char     *uuid;
  KzLink    link;     /* OP_LINK */
  char     *a;
  char     *b;
  gboolean  linked;   /* OP_LINK: the state after the change */
} Op;

typedef struct
{
  char      *label;
  GPtrArray *ops;
} Step;

struct _KzUndoManager
{
  GObject    parent_instance;

  KzStore   *store;
  GQueue     undo;    /* of Step, newest first */
  GQueue     redo;
  Step      *group;   /* open group, or NULL */
  guint      group_depth;
  GArray    *marks;   /* of guint: ops in the group when each nested level began */
};

G_DEFINE_FINAL_TYPE (KzUndoManager, kz_undo_manager, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, PROP_UNDO_LABEL, PROP_REDO_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
op_free (Op *op)
{
  g_clear_object (&op->before);
  g_clear_object (&op->after);
  g_free (op->uuid);
  g_free (op->a);
  g_free (op->b);
  g_free (op);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->ops = g_ptr_array_new_with_free_func ((GDestroyNotify)op_free);
  return step;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static void
notify_all (KzUndoManager *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
push_step (KzUndoManager *self,
           Step          *step)
{
  g_queue_push_head (&self->undo, step);
  while (self->undo.length > MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));
  g_queue_clear_full (&self->redo, (GDestroyNotify)step_free);
  notify_all (self);
}

static void
push_op (KzUndoManager *self,
         Op            *op,
         const char    *label)
{
  Step *step;

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->ops, op);
      return;
    }

  step = step_new (label);
  g_ptr_array_add (step->ops, op);
  push_step (self, step);
}

static gboolean
apply_op (KzStore   *store,
          Op        *op,
          gboolean   forward,
          GError   **error)
{
  g_autoptr(KzRecord) copy = NULL;
  KzRecord *target;

  switch (op->type)
    {
    case OP_SAVE:
      target = forward ? op->after : op->before;
      if (target == NULL)   /* undoing a creation */
        return kz_store_delete (store, kz_record_get_kind (op->after),
                                kz_record_get_uuid (op->after), error);
      /* Redoing a creation brings back the record its undo deleted. */
      if (forward && op->before == NULL &&
          !kz_store_restore (store, kz_record_get_kind (op->after),
                             kz_record_get_uuid (op->after), error))
        return FALSE;
      copy = kz_record_copy (target);
      kz_record_set_deleted (copy, FALSE);
      return kz_store_save (store, copy, error);
    case OP_DELETE:
    case OP_RESTORE:
      if ((op->type == OP_DELETE) == forward)
        return kz_store_delete (store, op->kind, op->uuid, error);
      return kz_store_restore (store, op->kind, op->uuid, error);
    case OP_LINK:
      if (op->linked == forward)
        return kz_store_link (store, op->link, op->a, op->b, error);
      return kz_store_unlink (store, op->link, op->a, op->b, error);
    default:
      g_assert_not_reached ();
    }
}

/* Applies a step backwards (undo) or forwards (redo) in one transaction. */
static gboolean
apply_step (KzUndoManager  *self,
            Step           *step,
            gboolean        forward,
            GError        **error)
{
  guint n = step->ops->len;

  if (!kz_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      Op *op = step->ops->pdata[forward ? i : n - 1 - i];

      if (!apply_op (self->store, op, forward, error))
        {
          kz_store_rollback (self->store);
          return FALSE;
        }
    }

  return kz_store_commit (self->store, error);
}

static void
kz_undo_manager_finalize (GObject *object)
{
  KzUndoManager *self = (KzUndoManager *)object;

  g_queue_clear_full (&self->undo, (GDestroyNotify)step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify)step_free);
  g_clear_pointer (&self->group, step_free);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kz_undo_manager_parent_class)->finalize (object);
}

static void
kz_undo_manager_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KzUndoManager *self = KZ_UNDO_MANAGER (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, kz_undo_manager_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, kz_undo_manager_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, kz_undo_manager_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, kz_undo_manager_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_undo_manager_class_init (KzUndoManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kz_undo_manager_finalize;
  object_class->get_property = kz_undo_manager_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kz_undo_manager_init (KzUndoManager *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

KzUndoManager *
kz_undo_manager_new (KzStore *store)
{
  KzUndoManager *self;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);

  self = g_object_new (KZ_TYPE_UNDO_MANAGER, NULL);
  self->store = g_object_ref (store);
  return self;
}

KzStore *
kz_undo_manager_get_store (KzUndoManager *self)
{
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), NULL);
  return self->store;
}

gboolean
kz_undo_manager_save (KzUndoManager  *self,
                      KzRecord       *record,
                      const char     *label,
                      GError        **error)
{
  g_autoptr(KzRecord) before = NULL;
  Op *op;

  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), FALSE);
  g_return_val_if_fail (KZ_IS_RECORD (record), FALSE);

  before = kz_store_get (self->store, kz_record_get_kind (record), kz_record_get_uuid (record), NULL);
  if (!kz_store_save (self->store, record, error))
    return FALSE;

  op = g_new0 (Op, 1);
  op->type = OP_SAVE;
  op->before = g_steal_pointer (&before);
  op->after = kz_record_copy (record);
  push_op (self, op, label);

  return TRUE;
}

static gboolean
set_deleted (KzUndoManager  *self,
             KzKind          kind,
             const char     *uuid,
             gboolean        deleted,
             const char     *label,
             GError        **error)
{
  Op *op;

  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (deleted ? !kz_store_delete (self->store, kind, uuid, error)
              : !kz_store_restore (self->store, kind, uuid, error))
    return FALSE;

  op = g_new0 (Op, 1);
  op->type = deleted ? OP_DELETE : OP_RESTORE;
  op->kind = kind;
  op->uuid = g_strdup (uuid);
  push_op (self, op, label);

  return TRUE;
}

gboolean
kz_undo_manager_delete (KzUndoManager  *self,
                        KzKind          kind,
                        const char     *uuid,
                        const char     *label,
                        GError        **error)
{
  return set_deleted (self, kind, uuid, TRUE, label, error);
}

gboolean
kz_undo_manager_restore (KzUndoManager  *self,
                         KzKind          kind,
                         const char     *uuid,
                         const char     *label,
                         GError        **error)
{
  return set_deleted (self, kind, uuid, FALSE, label, error);
}

gboolean
kz_undo_manager_set_linked (KzUndoManager  *self,
                            KzLink          link,
                            const char     *a,
                            const char     *b,
                            gboolean        linked,
                            const char     *label,
                            GError        **error)
{
  Op *op;

  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), FALSE);
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (linked ? !kz_store_link (self->store, link, a, b, error)
             : !kz_store_unlink (self->store, link, a, b, error))
    return FALSE;

  op = g_new0 (Op, 1);
  op->type = OP_LINK;
  op->link = link;
  op->a = g_strdup (a);
  op->b = g_strdup (b);
  op->linked = linked;
  push_op (self, op, label);

  return TRUE;
}

void
kz_undo_manager_begin_group (KzUndoManager *self,
                             const char    *label)
{
  g_return_if_fail (KZ_IS_UNDO_MANAGER (self));

  if (self->group_depth++ == 0)
    self->group = step_new (label);
  g_array_append_val (self->marks, self->group->ops->len);
}

void
kz_undo_manager_end_group (KzUndoManager *self)
{
  Step *step;

  g_return_if_fail (KZ_IS_UNDO_MANAGER (self));
  g_return_if_fail (self->group_depth > 0);

  g_array_set_size (self->marks, self->marks->len - 1);
  if (--self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->group);
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }

  push_step (self, step);
}

/**
 * kz_undo_manager_cancel_group:
 *
 * Closes the innermost open group like kz_undo_manager_end_group(), but
 * forgets the changes recorded since its kz_undo_manager_begin_group():
 * call it after the store transaction holding them was rolled back.
 * Steps recorded before the group, and what an enclosing group recorded
 * before this one began, are kept.
 */
void
kz_undo_manager_cancel_group (KzUndoManager *self)
{
  guint mark;

  g_return_if_fail (KZ_IS_UNDO_MANAGER (self));
  g_return_if_fail (self->group_depth > 0);

  mark = g_array_index (self->marks, guint, self->marks->len - 1);
  g_ptr_array_set_size (self->group->ops, mark);
  kz_undo_manager_end_group (self);
}

/**
 * kz_undo_manager_take_undo_step:
 * @source: another undo manager of the same store
 *
 * Moves the newest step that can be undone in @source onto @self, as if
 * it had been recorded there: for changes made on a worker thread
 * through a private undo manager, so that the window's manager (and its
 * notifications) stay on the main thread.  @self's redo steps are
 * forgotten.  Returns %FALSE when @source has nothing to undo.
 */
gboolean
kz_undo_manager_take_undo_step (KzUndoManager *self,
                                KzUndoManager *source)
{
  Step *step;

  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), FALSE);
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (source), FALSE);
  g_return_val_if_fail (source != self && source->store == self->store, FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (!(step = g_queue_pop_head (&source->undo)))
    return FALSE;

  notify_all (source);
  push_step (self, step);
  return TRUE;
}

gboolean
kz_undo_manager_can_undo (KzUndoManager *self)
{
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), FALSE);
  return self->undo.length > 0;
}

gboolean
kz_undo_manager_can_redo (KzUndoManager *self)
{
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), FALSE);
  return self->redo.length > 0;
}

const char *
kz_undo_manager_get_undo_label (KzUndoManager *self)
{
  Step *step;

  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), NULL);

  step = g_queue_peek_head (&self->undo);
  return step ? step->label : NULL;
}

const char *
kz_undo_manager_get_redo_label (KzUndoManager *self)
{
  Step *step;

  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), NULL);

  step = g_queue_peek_head (&self->redo);
  return step ? step->label : NULL;
}

static gboolean
move_step (KzUndoManager  *self,
           GQueue         *from,
           GQueue         *to,
           gboolean        forward,
           GError        **error)
{
  Step *step = g_queue_peek_head (from);

  if (step == NULL || self->group != NULL)
    return FALSE;

  if (!apply_step (self, step, forward, error))
    return FALSE;

  g_queue_push_head (to, g_queue_pop_head (from));
  notify_all (self);
  return TRUE;
}

/**
 * kz_undo_manager_undo:
 *
 * Reverts the newest step.  When that is no longer possible (someone
 * else changed the data so that a rule would break), nothing changes
 * and @error says why.
 */
gboolean
kz_undo_manager_undo (KzUndoManager  *self,
                      GError        **error)
{
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), FALSE);
  return move_step (self, &self->undo, &self->redo, FALSE, error);
}

gboolean
kz_undo_manager_redo (KzUndoManager  *self,
                      GError        **error)
{
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (self), FALSE);
  return move_step (self, &self->redo, &self->undo, TRUE, error);
}

void
kz_undo_manager_clear (KzUndoManager *self)
{
  g_return_if_fail (KZ_IS_UNDO_MANAGER (self));

  g_queue_clear_full (&self->undo, (GDestroyNotify)step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify)step_free);
  notify_all (self);
}
