/* kz-sync-preferences.h
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

#define KZ_TYPE_SYNC_PREFERENCES (kz_sync_preferences_get_type ())

G_DECLARE_FINAL_TYPE (KzSyncPreferences, kz_sync_preferences, KZ, SYNC_PREFERENCES, AdwPreferencesGroup)

/* Signing in to the shared server, trusting a self-signed certificate,
 * the sync status and signing out. */
KzContext *kz_sync_preferences_get_context (KzSyncPreferences *self);
void       kz_sync_preferences_set_context (KzSyncPreferences *self,
                                            KzContext         *context);

G_END_DECLS
