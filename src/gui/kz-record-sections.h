/* kz-record-sections.h
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

#include <adwaita.h>

#include "kz-context.h"
#include "kz-undo-manager.h"

G_BEGIN_DECLS

/* The groups below a record's fields: its children, the records that
 * refer to it and its links.  Each row opens its record. */
void       kz_record_sections_build  (GtkBox        *box,
                                      KzContext     *context,
                                      KzUndoManager *undo_manager,
                                      KzRecord      *record);
/* The "History" group of a record. */
GtkWidget *kz_record_history_new     (KzStore       *store,
                                      KzRecord      *record);
char      *kz_record_history_describe (KzStore              *store,
                                       const KzHistoryEntry *entry,
                                       KzKind                kind);
/* A label of the form "Delete “Title”" for the undo menu. */
char      *kz_record_action_label    (const char    *verb_format,
                                      KzRecord      *record);
gboolean   kz_contact_is_expired     (KzRecord      *contact,
                                      const char    *today);
char      *kz_today_iso              (void);

G_END_DECLS
