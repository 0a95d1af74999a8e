/* test-sync-look.c
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

/* What the sync indicator shows for each state of the client, and how
 * conflict values read: pure functions, no display needed. */

#include "config.h"

#include <locale.h>

#include "kz-conflict-row.h"
#include "kz-sync-indicator.h"

static void
test_not_set_up (void)
{
  g_auto(KzSyncLook) look = { 0 };

  kz_sync_look_describe (&look, KZ_SYNC_STATE_DISABLED, 0, 0, -1, NULL, NULL);
  g_assert_false (look.visible);

  kz_sync_look_clear (&look);
  kz_sync_look_describe (&look, KZ_SYNC_STATE_SIGNED_OUT, 0, 0, -1, NULL, NULL);
  g_assert_true (look.visible);
  g_assert_cmpstr (look.action, ==, "preferences");
}

static void
test_synced (void)
{
  g_auto(KzSyncLook) look = { 0 };

  kz_sync_look_describe (&look, KZ_SYNC_STATE_IDLE, 0, 0, -1, NULL, "Last synced on 23 Nov 2026 at 10:00");
  g_assert_true (look.visible);
  g_assert_false (look.spinning);
  g_assert_cmpstr (look.icon_name, ==, "emblem-ok-symbolic");
  g_assert_null (look.label);
  g_assert_cmpstr (look.tooltip, ==, "Synced\nLast synced on 23 Nov 2026 at 10:00");
  g_assert_cmpstr (look.action, ==, "sync");
}

static void
test_offline (void)
{
  g_auto(KzSyncLook) look = { 0 };

  kz_sync_look_describe (&look, KZ_SYNC_STATE_OFFLINE, 3, 0, -1, NULL, NULL);
  g_assert_cmpstr (look.icon_name, ==, "network-offline-symbolic");
  g_assert_cmpstr (look.label, ==, "3");
  g_assert_cmpstr (look.tooltip, ==, "Offline — 3 changes waiting");
  g_assert_cmpstr (look.action, ==, "sync");
}

static void
test_syncing (void)
{
  g_auto(KzSyncLook) look = { 0 };

  kz_sync_look_describe (&look, KZ_SYNC_STATE_SYNCING, 0, 2, 0.42, NULL, NULL);
  g_assert_true (look.spinning);
  g_assert_null (look.icon_name);
  g_assert_cmpstr (look.label, ==, "42 %");
  g_assert_cmpstr (look.action, ==, "popover");

  kz_sync_look_clear (&look);
  kz_sync_look_describe (&look, KZ_SYNC_STATE_SYNCING, 0, 0, -1, NULL, NULL);
  g_assert_null (look.label);
  g_assert_cmpstr (look.tooltip, ==, "Syncing…");
}

static void
test_conflicts_and_errors (void)
{
  g_auto(KzSyncLook) look = { 0 };

  kz_sync_look_describe (&look, KZ_SYNC_STATE_IDLE, 0, 2, -1, NULL, NULL);
  g_assert_cmpstr (look.icon_name, ==, "dialog-warning-symbolic");
  g_assert_cmpstr (look.label, ==, "2");
  g_assert_true (g_str_has_prefix (look.tooltip, "2 conflicts: "));
  g_assert_cmpstr (look.style, ==, "conflicts");
  g_assert_cmpstr (look.action, ==, "conflicts");

  kz_sync_look_clear (&look);
  kz_sync_look_describe (&look, KZ_SYNC_STATE_ERROR, 0, 0, -1, "The server broke", NULL);
  g_assert_cmpstr (look.icon_name, ==, "dialog-warning-symbolic");
  g_assert_cmpstr (look.tooltip, ==, "Sync failed: The server broke");
  g_assert_cmpstr (look.style, ==, "error");
}

static void
test_conflict_values (void)
{
  g_autofree char *status = kz_conflict_format_value (NULL, "project", "status", "running");
  g_autofree char *empty = kz_conflict_format_value (NULL, "project", "status", NULL);
  g_autofree char *unknown = kz_conflict_format_value (NULL, "nothing", "status", "x");
  g_autofree char *deleted = kz_conflict_format_deleted ("true", "ben");
  g_autofree char *edited = kz_conflict_format_deleted ("false", "anna");

  g_assert_cmpstr (status, ==, "Running");
  g_assert_cmpstr (empty, ==, "Empty");
  g_assert_cmpstr (unknown, ==, "x");
  g_assert_cmpstr (deleted, ==, "Deleted by ben");
  g_assert_cmpstr (edited, ==, "Edited by anna");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-look/not-set-up", test_not_set_up);
  g_test_add_func ("/sync-look/synced", test_synced);
  g_test_add_func ("/sync-look/offline", test_offline);
  g_test_add_func ("/sync-look/syncing", test_syncing);
  g_test_add_func ("/sync-look/conflicts-and-errors", test_conflicts_and_errors);
  g_test_add_func ("/sync-look/conflict-values", test_conflict_values);

  return g_test_run ();
}
