from lxml import etree

from odoo.tests import TransactionCase, tagged

# The addons whose documents this test covers; scm_contracts checks its own.
MODULES = ("scm_base", "scm_sales")


@tagged("post_install", "-at_install")
class TestMobileViews(TransactionCase):
    """On a phone the client opens the kanban view of an action when it has
    one: every document list of our menus offers a kanban card after the
    list (the desktop still opens the list) showing the document's stage."""

    def _document_actions(self):
        actions = self.env["ir.actions.act_window"]
        for menu in self.env["ir.ui.menu"].search([]):
            action = menu.action
            if not action or action._name != "ir.actions.act_window":
                continue
            xmlid = action.get_external_id().get(action.id, "")
            if (
                xmlid.split(".")[0] in MODULES
                and action.res_model.startswith("scm.")
                and "list" in action.view_mode.split(",")
            ):
                actions |= action
        return actions

    def test_every_document_list_has_a_kanban_card(self):
        actions = self._document_actions()
        self.assertGreater(len(actions), 30)
        for action in actions:
            modes = action.view_mode.split(",")
            with self.subTest(action=action.get_external_id()[action.id]):
                self.assertIn("kanban", modes)
                if modes[0] == "list":  # the desktop keeps opening the list
                    self.assertEqual(action.mobile_view_mode, "kanban")
                model = self.env[action.res_model]
                kanban_id = action.view_ids.filtered(
                    lambda v: v.view_mode == "kanban"
                ).view_id.id
                arch = etree.fromstring(
                    model.get_views([(kanban_id or False, "kanban")])["views"][
                        "kanban"
                    ]["arch"]
                )
                self.assertTrue(arch.xpath("//t[@t-name='card']"))
                stage = next(
                    (
                        name
                        for name in ("stage", "state")
                        if model._fields.get(name)
                        and model._fields[name].type == "selection"
                    ),
                    None,
                )
                if stage:
                    self.assertTrue(
                        arch.xpath(f"//field[@name='{stage}']"),
                        f"the card of {action.res_model} shows its {stage}",
                    )

    def test_lists_show_the_state_as_a_badge(self):
        for action in self._document_actions():
            model = self.env[action.res_model]
            stage = next(
                (
                    name
                    for name in ("stage", "state")
                    if model._fields.get(name)
                    and model._fields[name].type == "selection"
                ),
                None,
            )
            if not stage:
                continue
            list_id = action.view_id.id if action.view_id.type == "list" else False
            arch = etree.fromstring(
                model.get_views([(list_id, "list")])["views"]["list"]["arch"]
            )
            nodes = arch.xpath(f"/list/field[@name='{stage}']")
            with self.subTest(model=action.res_model):
                self.assertTrue(nodes)
                self.assertIn(nodes[0].get("widget"), ("badge", "statusbar_badge"))
