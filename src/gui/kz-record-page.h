/* kz-record-page.h
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

#define KZ_TYPE_RECORD_PAGE (kz_record_page_get_type ())

G_DECLARE_FINAL_TYPE (KzRecordPage, kz_record_page, KZ, RECORD_PAGE, AdwBin)

GtkWidget  *kz_record_page_new              (KzContext     *context,
                                             KzUndoManager *undo_manager,
                                             KzKind         kind,
                                             const char    *uuid);
void        kz_record_page_preset           (KzRecordPage  *self,
                                             const char    *field,
                                             const char    *value);
KzKind      kz_record_page_get_kind         (KzRecordPage  *self);
const char *kz_record_page_get_uuid         (KzRecordPage  *self);
gboolean    kz_record_page_is_new           (KzRecordPage  *self);
const char *kz_record_page_get_title        (KzRecordPage  *self);
GtkWidget  *kz_record_page_get_field_widget (KzRecordPage  *self,
                                             const char    *field);
void        kz_record_page_reload           (KzRecordPage  *self);

G_END_DECLS
