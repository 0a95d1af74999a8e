/* kz-undo-manager.h
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

#pragma once

#include "kz-store.h"

G_BEGIN_DECLS

#define KZ_TYPE_UNDO_MANAGER (kz_undo_manager_get_type ())

G_DECLARE_FINAL_TYPE (KzUndoManager, kz_undo_manager, KZ, UNDO_MANAGER, GObject)

/* Changes made through the undo manager can be undone and redone, a
 * group at a time.  Each group is one store transaction both ways.
 * Properties "can-undo", "can-redo", "undo-label" and "redo-label"
 * notify when they change. */

KzUndoManager *kz_undo_manager_new            (KzStore        *store);
KzStore       *kz_undo_manager_get_store      (KzUndoManager  *self);

gboolean       kz_undo_manager_save           (KzUndoManager  *self,
                                               KzRecord       *record,
                                               const char     *label,
                                               GError        **error);
gboolean       kz_undo_manager_delete         (KzUndoManager  *self,
                                               KzKind          kind,
                                               const char     *uuid,
                                               const char     *label,
                                               GError        **error);
gboolean       kz_undo_manager_restore        (KzUndoManager  *self,
                                               KzKind          kind,
                                               const char     *uuid,
                                               const char     *label,
                                               GError        **error);
gboolean       kz_undo_manager_set_linked     (KzUndoManager  *self,
                                               KzLink          link,
                                               const char     *a,
                                               const char     *b,
                                               gboolean        linked,
                                               const char     *label,
                                               GError        **error);

/* Everything between begin and end becomes one undo step. */
void           kz_undo_manager_begin_group    (KzUndoManager  *self,
                                               const char     *label);
void           kz_undo_manager_end_group      (KzUndoManager  *self);
/* Ends the innermost group and forgets what it recorded, once the store
 * transaction holding those changes was rolled back.  Older steps stay. */
void           kz_undo_manager_cancel_group   (KzUndoManager  *self);
/* Moves @source's newest undo step onto @self (same store), e.g. from a
 * private manager used on a worker thread.  FALSE if there is none. */
gboolean       kz_undo_manager_take_undo_step (KzUndoManager  *self,
                                               KzUndoManager  *source);

gboolean       kz_undo_manager_can_undo       (KzUndoManager  *self);
gboolean       kz_undo_manager_can_redo       (KzUndoManager  *self);
const char    *kz_undo_manager_get_undo_label (KzUndoManager  *self);
const char    *kz_undo_manager_get_redo_label (KzUndoManager  *self);
gboolean       kz_undo_manager_undo           (KzUndoManager  *self,
                                               GError        **error);
gboolean       kz_undo_manager_redo           (KzUndoManager  *self,
                                               GError        **error);
void           kz_undo_manager_clear          (KzUndoManager  *self);

G_END_DECLS
