/* kz-sync-indicator.h
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

G_BEGIN_DECLS

/* What the indicator shows for a state of the sync client; a pure
 * function, tested without a display. */
typedef struct
{
  gboolean    visible;
  gboolean    spinning;
  const char *icon_name;    /* NULL while spinning or with a pill */
  char       *label;        /* short text beside the icon, or NULL */
  char       *tooltip;      /* also the accessible description */
  const char *style;        /* an extra CSS class, or NULL */
  const char *action;       /* what a click does: "sync", "conflicts", "preferences", "popover" */
} KzSyncLook;

void       kz_sync_look_clear        (KzSyncLook   *look);
void       kz_sync_look_describe     (KzSyncLook   *look,
                                      KzSyncState   state,
                                      guint         pending,
                                      guint         conflicts,
                                      double        progress,
                                      const char   *last_error,
                                      const char   *last_sync);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KzSyncLook, kz_sync_look_clear)

#define KZ_TYPE_SYNC_INDICATOR (kz_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (KzSyncIndicator, kz_sync_indicator, KZ, SYNC_INDICATOR, AdwBin)

KzContext *kz_sync_indicator_get_context  (KzSyncIndicator *self);
void       kz_sync_indicator_set_context  (KzSyncIndicator *self,
                                           KzContext       *context);

G_END_DECLS
