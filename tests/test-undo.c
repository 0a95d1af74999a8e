/* test-undo.c
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

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "kz-undo-manager.h"

static char *dir;

static KzStore *
open_store (void)
{
  g_autofree char *path = NULL;

  dir = g_dir_make_tmp ("kz-undo-XXXXXX", NULL);
  path = g_build_filename (dir, "portfolio.db", NULL);
  return kz_store_open (path, NULL);
}

static void
close_store (KzStore *store)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_object_unref (store);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
  g_clear_pointer (&dir, g_free);
}

static const char *
title_of (KzStore    *store,
          const char *uuid)
{
  static char buf[256];
  g_autoptr(KzRecord) r = kz_store_get (store, KZ_KIND_PROJECT, uuid, NULL);

  if (r == NULL || kz_record_get_deleted (r))
    return NULL;
  g_strlcpy (buf, kz_record_get_title (r), sizeof buf);
  return buf;
}

static void
test_edit_undo_redo (void)
{
  KzStore *store = open_store ();
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (store);
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  const char *uuid = kz_record_get_uuid (p);

  g_assert_false (kz_undo_manager_can_undo (undo));

  kz_record_set_string (p, "title", "Online-Beratung");
  kz_record_set_string (p, "status", "idea");
  g_assert_true (kz_undo_manager_save (undo, p, "Create project", NULL));
  kz_record_set_string (p, "title", "Blended Counseling");
  g_assert_true (kz_undo_manager_save (undo, p, "Rename project", NULL));
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Rename project");

  g_assert_true (kz_undo_manager_undo (undo, NULL));
  g_assert_cmpstr (title_of (store, uuid), ==, "Online-Beratung");
  g_assert_true (kz_undo_manager_can_redo (undo));
  g_assert_cmpstr (kz_undo_manager_get_redo_label (undo), ==, "Rename project");

  /* Undoing the creation deletes the record; redo brings it back. */
  g_assert_true (kz_undo_manager_undo (undo, NULL));
  g_assert_null (title_of (store, uuid));
  g_assert_false (kz_undo_manager_can_undo (undo));
  g_assert_false (kz_undo_manager_undo (undo, NULL));

  g_assert_true (kz_undo_manager_redo (undo, NULL));
  g_assert_cmpstr (title_of (store, uuid), ==, "Online-Beratung");
  g_assert_true (kz_undo_manager_redo (undo, NULL));
  g_assert_cmpstr (title_of (store, uuid), ==, "Blended Counseling");
  g_assert_false (kz_undo_manager_can_redo (undo));

  /* A new change forgets what could be redone. */
  g_assert_true (kz_undo_manager_undo (undo, NULL));
  kz_record_set_string (p, "title", "Chat-Beratung");
  g_assert_true (kz_undo_manager_save (undo, p, "Rename project", NULL));
  g_assert_false (kz_undo_manager_can_redo (undo));

  g_clear_object (&undo);
  close_store (store);
}

static void
test_delete_and_groups (void)
{
  KzStore *store = open_store ();
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (store);
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) o = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GError) error = NULL;

  kz_record_set_string (p, "title", "Digitale Teilhabe");
  kz_record_set_string (p, "status", "running");
  kz_record_set_string (o, "name", "AWO Region Hannover e.V.");
  g_assert_true (kz_store_save (store, p, NULL));
  g_assert_true (kz_store_save (store, o, NULL));

  kz_undo_manager_begin_group (undo, "Add partner");
  g_assert_true (kz_undo_manager_set_linked (undo, KZ_LINK_PROJECT_ORGANISATION,
                                             kz_record_get_uuid (p), kz_record_get_uuid (o),
                                             TRUE, NULL, NULL));
  kz_record_set_string (p, "health", "on_track");
  g_assert_true (kz_undo_manager_save (undo, p, NULL, NULL));
  g_assert_false (kz_undo_manager_can_undo (undo));
  kz_undo_manager_end_group (undo);
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Add partner");

  g_assert_true (kz_undo_manager_delete (undo, KZ_KIND_PROJECT, kz_record_get_uuid (p), "Delete", NULL));
  g_assert_cmpuint (kz_store_count (store, KZ_KIND_PROJECT), ==, 0);
  g_assert_true (kz_undo_manager_undo (undo, NULL));
  g_assert_cmpuint (kz_store_count (store, KZ_KIND_PROJECT), ==, 1);

  /* The group goes back as one step. */
  g_assert_true (kz_undo_manager_undo (undo, NULL));
  linked = kz_store_list_linked (store, KZ_LINK_PROJECT_ORGANISATION, kz_record_get_uuid (p), TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);
  {
    g_autoptr(KzRecord) back = kz_store_get (store, KZ_KIND_PROJECT, kz_record_get_uuid (p), NULL);
    g_assert_false (kz_record_is_set (back, "health"));
  }

  /* A failing save is not recorded. */
  kz_record_set_string (p, "title", "");
  g_assert_false (kz_undo_manager_save (undo, p, "Rename", &error));
  g_assert_false (kz_undo_manager_can_undo (undo));

  g_clear_object (&undo);
  close_store (store);
}

/* A group whose transaction was rolled back is forgotten, and only it. */
static void
test_cancel_group (void)
{
  KzStore *store = open_store ();
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (store);
  g_autoptr(KzRecord) a = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) b = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) c = kz_record_new (KZ_KIND_PROJECT);

  kz_record_set_string (a, "title", "Digitale Sprechstunde");
  kz_record_set_string (a, "status", "idea");
  g_assert_true (kz_undo_manager_save (undo, a, "Create A", NULL));

  g_assert_true (kz_store_begin (store, NULL));
  kz_undo_manager_begin_group (undo, "Import");
  kz_record_set_string (b, "title", "Tablet-Kurse");
  kz_record_set_string (b, "status", "idea");
  g_assert_true (kz_undo_manager_save (undo, b, NULL, NULL));
  kz_store_rollback (store);
  kz_undo_manager_cancel_group (undo);

  g_assert_null (title_of (store, kz_record_get_uuid (b)));
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Create A");
  g_assert_true (kz_undo_manager_undo (undo, NULL));
  g_assert_null (title_of (store, kz_record_get_uuid (a)));
  g_assert_false (kz_undo_manager_can_undo (undo));
  g_assert_true (kz_undo_manager_redo (undo, NULL));

  /* Cancelling a nested group keeps what the outer one did before it. */
  kz_undo_manager_begin_group (undo, "Outer");
  kz_record_set_string (a, "title", "Digitale Sprechstunde plus");
  g_assert_true (kz_undo_manager_save (undo, a, NULL, NULL));
  g_assert_true (kz_store_begin (store, NULL));
  kz_undo_manager_begin_group (undo, "Inner");
  kz_record_set_string (c, "title", "Verworfen");
  kz_record_set_string (c, "status", "idea");
  g_assert_true (kz_undo_manager_save (undo, c, NULL, NULL));
  kz_store_rollback (store);
  kz_undo_manager_cancel_group (undo);
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Create A");
  kz_undo_manager_end_group (undo);
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Outer");

  /* Undoing "Outer" only reverts the rename; nothing refers to c. */
  g_assert_true (kz_undo_manager_undo (undo, NULL));
  g_assert_cmpstr (title_of (store, kz_record_get_uuid (a)), ==, "Digitale Sprechstunde");
  g_assert_null (title_of (store, kz_record_get_uuid (c)));

  /* A cancelled group with nothing before it leaves nothing to undo. */
  kz_undo_manager_clear (undo);
  kz_undo_manager_begin_group (undo, "Empty");
  kz_undo_manager_cancel_group (undo);
  g_assert_false (kz_undo_manager_can_undo (undo));

  g_clear_object (&undo);
  close_store (store);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A step recorded by a private manager moves to the main one. */
static void
test_take_undo_step (void)
{
  KzStore *store = open_store ();
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (store);
  g_autoptr(KzUndoManager) worker = kz_undo_manager_new (store);
  g_autoptr(KzRecord) a = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) b = kz_record_new (KZ_KIND_PROJECT);
  guint notified = 0;

  kz_record_set_string (a, "title", "Vorher");
  kz_record_set_string (a, "status", "idea");
  g_assert_true (kz_undo_manager_save (undo, a, "Create A", NULL));
  g_assert_true (kz_undo_manager_undo (undo, NULL));
  g_assert_true (kz_undo_manager_can_redo (undo));
  g_signal_connect (undo, "notify::can-undo", G_CALLBACK (count_notify_cb), &notified);

  g_assert_false (kz_undo_manager_take_undo_step (undo, worker));
  kz_undo_manager_begin_group (worker, "Import of a.csv");
  kz_record_set_string (b, "title", "Importiert");
  kz_record_set_string (b, "status", "idea");
  g_assert_true (kz_undo_manager_save (worker, b, NULL, NULL));
  kz_undo_manager_end_group (worker);

  g_assert_true (kz_undo_manager_take_undo_step (undo, worker));
  g_assert_cmpuint (notified, >, 0);
  g_assert_false (kz_undo_manager_can_undo (worker));
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Import of a.csv");
  g_assert_false (kz_undo_manager_can_redo (undo));
  g_assert_true (kz_undo_manager_undo (undo, NULL));
  g_assert_null (title_of (store, kz_record_get_uuid (b)));

  g_clear_object (&worker);
  g_clear_object (&undo);
  close_store (store);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/undo/delete-and-groups", test_delete_and_groups);
  g_test_add_func ("/undo/cancel-group", test_cancel_group);
  g_test_add_func ("/undo/take-undo-step", test_take_undo_step);

  return g_test_run ();
}
