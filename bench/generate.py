"""Benchmark data: `size` each of customer files, EMT proposals, customer
visits, contracts (with payment milestones), customer projects (one per
contract) and Odoo's own `crm.lead`, on a copy of the demo database.

The demo's records were made through the ORM (every constraint, default and
compute ran): they are the seeds. Their rows are cloned in SQL, a few
thousand per statement, with what must differ rewritten (name, number,
branch, owner, customer) and the stored fields that depend on those
recomputed in SQL afterwards. 100,000 of each take minutes, not hours.

Every clone `g` (1..size) is spread over the branches and HQ by `g % slots`:
its customer file, its lead, its proposal, its visit and its contract all
belong to the same branch and owner, and the documents point at customer `g`,
so a branch consultant sees roughly size / slots of each, like the yardstick.
"""

import logging

_logger = logging.getLogger(__name__)

# (login of the owner, company xmlid): who owns clone g is OWNERS[g % len].
OWNERS = [
    ("wh.consultant", "scm_base.company_wh"),
    ("wh.consultant2", "scm_base.company_wh"),
    ("bj.consultant", "scm_base.company_bj"),
    ("bj.consultant2", "scm_base.company_bj"),
    ("wx.manager", "scm_base.company_wx"),
    ("wz.manager", "scm_base.company_wz"),
    ("xa.manager", "scm_base.company_xa"),
    ("cq.manager", "scm_base.company_cq"),
    ("msd.presales", "base.main_company"),
    ("wh.manager", "scm_base.company_wh"),
]

# The table of each document and the seeds it is cloned from.
SEED_DOMAINS = {
    "res.partner": [("scm_is_customer", "=", True), ("is_company", "=", True)],
    "crm.lead": [],
    "scm.sales.proposal": [],
    "scm.customer.visit": [],
    "scm.contract": [],
    "project.project": [("scm_contract_id", "!=", False)],
    # the suite's own requests (a branch's), not helpdesk_mgmt's HQ demo
    "helpdesk.ticket": [("company_id.parent_id", "!=", False)],
    "scm.training.session": [],
    "scm.audit.finding": [],
}


def _columns(cr, table):
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND column_name != 'id'
            ORDER BY ordinal_position""",
        [table],
    )
    return [row[0] for row in cr.fetchall()]


def _clone(cr, table, seed_ids, size, overrides, map_table, ordered=False):
    """Insert `size` rows into `table`, row g a copy of seed g % len(seeds)
    with `overrides` (column -> SQL expression over `s` the seed row, `g`,
    `o` the owner slot row and `c` the customer map row). The new ids are
    kept in `map_table(g, id, seed_id)`. The seeds are taken in id order,
    or in the order given (`ordered`): a delegated parent's row g must be
    the parent of its child's seed g."""
    seeds = list(seed_ids) if ordered else sorted(seed_ids)
    cr.execute(f"DROP TABLE IF EXISTS {map_table}")
    cr.execute(
        f"""CREATE TEMP TABLE {map_table} AS
            SELECT g, nextval('{table}_id_seq')::int AS id,
                   (%(seeds)s::int[])[(g %% %(n)s) + 1] AS seed_id
              FROM generate_series(1, %(size)s) g""",
        {"seeds": seeds, "n": len(seeds), "size": size},
    )
    cr.execute(f"CREATE INDEX ON {map_table} (g)")
    columns = _columns(cr, table)
    select = ", ".join(overrides.get(col, f's."{col}"') for col in columns)
    names = ", ".join(f'"{col}"' for col in columns)
    cr.execute(
        f"""INSERT INTO {table} (id, {names})
            SELECT m.id, {select}
              FROM {map_table} m
              JOIN {table} s ON s.id = m.seed_id
              JOIN bench_owner o ON o.slot = m.g % (SELECT count(*) FROM bench_owner)
              LEFT JOIN bench_customer c ON c.g = m.g"""
    )
    _logger.info("bench: %s rows cloned into %s", size, table)


def _seeds(env, model):
    records = env[model].with_context(active_test=False).search(SEED_DOMAINS[model])
    if not records:
        raise RuntimeError(f"the demo database has no {model} to clone")
    return records.ids


def generate(env, size):
    """Clone `size` of each main document; returns what was made."""
    cr = env.cr
    owners = []
    for slot, (login, company_xmlid) in enumerate(OWNERS):
        user = env["res.users"].search([("login", "=", login)])
        owners.append((slot, user.id, env.ref(company_xmlid).id))
    cr.execute("DROP TABLE IF EXISTS bench_owner")
    cr.execute("CREATE TEMP TABLE bench_owner (slot int, user_id int, company_id int)")
    cr.execute(
        "INSERT INTO bench_owner VALUES " + ", ".join(["(%s, %s, %s)"] * len(owners)),
        [value for row in owners for value in row],
    )
    # A placeholder so that the first clone's LEFT JOIN has a table to read.
    cr.execute("DROP TABLE IF EXISTS bench_customer")
    cr.execute("CREATE TEMP TABLE bench_customer (g int, id int)")

    # -- customer files: companies, each its own commercial partner ---------
    _clone(
        cr,
        "res_partner",
        _seeds(env, "res.partner"),
        size,
        {
            "name": "s.name || ' ' || m.g",
            "complete_name": "s.name || ' ' || m.g",
            "company_id": "o.company_id",
            "user_id": "o.user_id",
            "commercial_partner_id": "m.id",
            "parent_id": "NULL",
            "ref": "NULL",
            "email": "'customer' || m.g || '@bench.example.com'",
            "scm_archivist_id": "NULL",
            "scm_custodian_id": "NULL",
            "scm_service_company_id": "NULL",
            "active": "true",
            # stored copies of the commercial partner's (itself) values
            "scm_file_confidential": "s.scm_is_customer",
            "scm_file_user_id": "o.user_id",
            "scm_file_company_id": "o.company_id",
            "scm_file_custodian_id": "NULL",
            "scm_file_archivist_id": "NULL",
            "create_date": "s.create_date - (m.g || ' hours')::interval",
        },
        "bench_map_partner",
    )
    cr.execute("INSERT INTO bench_customer SELECT g, id FROM bench_map_partner")
    cr.execute("CREATE INDEX ON bench_customer (g)")

    # -- Odoo's CRM leads: the yardstick, on the same customers -------------
    _clone(
        cr,
        "crm_lead",
        _seeds(env, "crm.lead"),
        size,
        {
            "name": "'商机 ' || c.g || ' ' || s.name",
            "partner_id": "c.id",
            "company_id": "o.company_id",
            "user_id": "o.user_id",
            "active": "true",
            "email_from": "'customer' || c.g || '@bench.example.com'",
            "email_normalized": "'customer' || c.g || '@bench.example.com'",
            "type": "'opportunity'",
            "create_date": "s.create_date - (m.g || ' hours')::interval",
        },
        "bench_map_lead",
    )

    # -- EMT proposals -----------------------------------------------------
    _clone(
        cr,
        "scm_sales_proposal",
        _seeds(env, "scm.sales.proposal"),
        size,
        {
            "name": "'EMT-BENCH-' || m.g",
            "title": "s.title || ' ' || m.g",
            "partner_id": "c.id",
            "company_id": "o.company_id",
            "consultant_id": "o.user_id",
            "lead_id": "NULL",
            "create_date": "s.create_date - (m.g || ' hours')::interval",
        },
        "bench_map_proposal",
    )

    # -- customer visits ---------------------------------------------------
    _clone(
        cr,
        "scm_customer_visit",
        _seeds(env, "scm.customer.visit"),
        size,
        {
            "name": "'VISIT-BENCH-' || m.g",
            "partner_id": "c.id",
            "company_id": "o.company_id",
            "user_id": "o.user_id",
            "previous_visit_id": "NULL",
            "contact_id": "NULL",
            "planned_start": "s.planned_start - (m.g || ' hours')::interval",
            "planned_stop": "s.planned_stop - (m.g || ' hours')::interval",
            "create_date": "s.create_date - (m.g || ' hours')::interval",
        },
        "bench_map_visit",
    )

    # -- contracts and their payment milestones ----------------------------
    _clone(
        cr,
        "scm_contract",
        _seeds(env, "scm.contract"),
        size,
        {
            "number": "CASE WHEN s.number IS NULL THEN NULL "
            "ELSE s.number || '-B' || m.g END",
            "title": "s.title || ' ' || m.g",
            "partner_id": "c.id",
            "company_id": "o.company_id",
            "create_date": "s.create_date - (m.g || ' hours')::interval",
            **_cleared_links(cr, "scm_contract"),
        },
        "bench_map_contract",
    )
    milestone_columns = _columns(cr, "scm_contract_milestone")
    overrides = {
        "contract_id": "m.id",
        "company_id": "o.company_id",
        "partner_id": "c.id",
    }
    select = ", ".join(overrides.get(col, f'ms."{col}"') for col in milestone_columns)
    names = ", ".join(f'"{col}"' for col in milestone_columns)
    cr.execute(
        f"""INSERT INTO scm_contract_milestone ({names})
            SELECT {select}
              FROM bench_map_contract m
              JOIN scm_contract_milestone ms ON ms.contract_id = m.seed_id
              JOIN bench_owner o ON o.slot = m.g % (SELECT count(*) FROM bench_owner)
              JOIN bench_customer c ON c.g = m.g"""
    )
    _logger.info("bench: contracts' milestones cloned")
    # -- customer projects: the project of contract g ------------------------
    if "project.project" in env and "scm_contract_id" in env["project.project"]:
        _clone(
            cr,
            "project_project",
            _seeds(env, "project.project"),
            size,
            {
                "name": "jsonb_build_object('en_US', (s.name->>'en_US') || ' ' || m.g, "
                "'zh_CN', coalesce(s.name->>'zh_CN', s.name->>'en_US') || ' ' || m.g)",
                "scm_contract_id": "(SELECT k.id FROM bench_map_contract k "
                "WHERE k.g = m.g)",
                "partner_id": "c.id",
                "company_id": "o.company_id",
                "user_id": "o.user_id",
                "create_date": "s.create_date - (m.g || ' hours')::interval",
                # the mail alias is required: the clones share their seed's
                **_cleared_links(
                    cr,
                    "project_project",
                    keep={
                        "scm_contract_id",
                        "stage_id",
                        "resource_calendar_id",
                        "alias_id",
                    },
                ),
            },
            "bench_map_project",
        )
    maps = (
        *_clone_service_requests(env, size),
        *_clone_training_sessions(env, size),
        *_clone_audit_findings(env, size),
    )
    maps += (
        ("res.partner", "bench_map_partner"),
        ("crm.lead", "bench_map_lead"),
        ("scm.sales.proposal", "bench_map_proposal"),
        ("scm.customer.visit", "bench_map_visit"),
        ("scm.contract", "bench_map_contract"),
    )
    if "project.project" in env and "scm_contract_id" in env["project.project"]:
        maps += (("project.project", "bench_map_project"),)
    for model, map_table in maps:
        _clone_activities(cr, model, map_table)
    env.invalidate_all()
    for model, map_table in maps:
        _recompute(env, model, map_table, RECOMPUTED)
    return size


def _installed(env, model):
    return model in env and env[model]._auto


def _clone_service_requests(env, size):
    """scm_service's customer service requests (helpdesk_mgmt's tickets):
    each on customer g, for its branch's team and owner."""
    if (
        not _installed(env, "helpdesk.ticket")
        or "scm_contract_id" not in env["helpdesk.ticket"]
    ):
        return ()
    cr = env.cr
    _clone(
        cr,
        "helpdesk_ticket",
        _seeds(env, "helpdesk.ticket"),
        size,
        {
            "name": "s.name || ' ' || m.g",
            "number": "'HT-B' || m.g",
            "partner_id": "c.id",
            "commercial_partner_id": "c.id",
            "partner_email": "'customer' || m.g || '@bench.example.com'",
            "company_id": "o.company_id",
            "user_id": "o.user_id",
            # the branch's own service team (the team follows the company)
            "team_id": "coalesce((SELECT t.id FROM helpdesk_ticket_team t "
            "WHERE t.company_id = o.company_id ORDER BY t.id LIMIT 1), s.team_id)",
            "create_date": "s.create_date - (m.g || ' hours')::interval",
            "scm_received_date": "s.scm_received_date - (m.g || ' hours')::interval",
            **_cleared_links(
                cr,
                "helpdesk_ticket",
                keep={
                    "stage_id",
                    "team_id",
                    "channel_id",
                    "category_id",
                    "type_id",
                },
            ),
        },
        "bench_map_ticket",
    )
    return (("helpdesk.ticket", "bench_map_ticket"),)


def _clone_delegated(env, model, size, parent_overrides, overrides, keep=()):
    """`size` clones of a document that extends an OCA record by delegation
    (`_inherits`): the parent rows first, row g of the parent cloned from
    the parent of child seed g, then the children, each linked to its own
    parent. Returns the child's (model, map table) to finish."""
    cr = env.cr
    Model = env[model]
    [(parent_model, link)] = Model._inherits.items()
    seeds = Model.browse(_seeds(env, model)).sorted("id")
    parent_map = f"bench_map_{env[parent_model]._table}"
    child_map = f"bench_map_{Model._table}"
    _clone(
        cr,
        env[parent_model]._table,
        seeds[link].ids,
        size,
        {
            "name": "s.name || ' ' || m.g",
            "create_date": "s.create_date - (m.g || ' hours')::interval",
            **parent_overrides,
        },
        parent_map,
        ordered=True,
    )
    _clone(
        cr,
        Model._table,
        seeds.ids,
        size,
        {
            # the seed's one-of-a-kind links cleared, unless set here
            **_cleared_links(cr, Model._table, keep={link, *keep}),
            link: f"(SELECT k.id FROM {parent_map} k WHERE k.g = m.g)",
            "create_date": "s.create_date - (m.g || ' hours')::interval",
            **overrides,
        },
        child_map,
    )
    return ((model, child_map),)


def _clone_training_sessions(env, size):
    """scm_training's course sessions: an OCA `hr.course.schedule` each (the
    session extends it by delegation), organised by the owner in his branch."""
    if not _installed(env, "scm.training.session"):
        return ()
    return _clone_delegated(
        env,
        "scm.training.session",
        size,
        {
            "start_date": "s.start_date - (m.g / 10)",
            "end_date": "s.end_date - (m.g / 10)",
        },
        {
            # the stored copy of the schedule's date, shifted the same way
            "session_date": "s.session_date - (m.g / 10)",
            "company_id": "o.company_id",
            "organiser_id": "o.user_id",
            "held_by_id": "o.user_id",
            # the owner trains: the seed's trainer would read every clone
            "trainer_id": "coalesce((SELECT e.id FROM hr_employee e "
            "WHERE e.user_id = o.user_id ORDER BY e.id LIMIT 1), s.trainer_id)",
        },
        keep={"department_id"},
    )


def _clone_audit_findings(env, size):
    """scm_audit's findings: an OCA `mgmtsystem.nonconformity` each (the
    finding extends it by delegation), in the seed's report. The person
    involved is the owner; the audited unit is the owner's (his branch, or
    his HQ department), its manager the unit's manager: a branch manager
    answers for his branch's share of the findings, as he sees his branch's
    share of the leads."""
    if not _installed(env, "scm.audit.finding"):
        return ()
    branch_manager = (
        "(SELECT b.scm_manager_id FROM res_company b WHERE b.id = o.company_id)"
    )
    hq_department = (
        "(SELECT e.department_id FROM hr_employee e "
        "WHERE e.user_id = o.user_id ORDER BY e.id LIMIT 1)"
    )
    department_manager = (
        "(SELECT boss.user_id FROM hr_department d "
        f"JOIN hr_employee boss ON boss.id = d.manager_id WHERE d.id = {hq_department})"
    )
    return _clone_delegated(
        env,
        "scm.audit.finding",
        size,
        {
            "ref": "'B' || m.g",
            "responsible_user_id": "o.user_id",
            "immediate_action_id": "NULL",
            "company_id": "o.company_id",
        },
        {
            "name": "s.name || '-B' || m.g",
            "title": "s.title || ' ' || m.g",
            "audited_user_id": "o.user_id",
            "company_id": "o.company_id",
            "department_id": (
                f"CASE WHEN {branch_manager} IS NULL THEN {hq_department} END"
            ),
            "manager_user_id": (
                f"coalesce({branch_manager}, {department_manager}, s.manager_user_id)"
            ),
        },
        keep={"report_id"},
    )


# Stored computed fields whose value depends on what the clones rewrote
# (name, number, customer): computed again by the ORM, in batches.
RECOMPUTED = ("scm_search_text",)


def _recompute(env, model, map_table, field_names, batch=5000):
    fields_ = [env[model]._fields[name] for name in field_names if name in env[model]]
    if not fields_:
        return
    env.cr.execute(f"SELECT id FROM {map_table} ORDER BY id")
    ids = [row[0] for row in env.cr.fetchall()]
    for start in range(0, len(ids), batch):
        records = env[model].browse(ids[start : start + batch])
        for field in fields_:
            env.add_to_compute(field, records)
        records.flush_recordset([field.name for field in fields_])
        env.invalidate_all()
    _logger.info("bench: %s recomputed on %s %s", field_names, len(ids), model)


def _clone_activities(cr, model, map_table):
    """The seeds' pending activities, on each clone for its owner: lists show
    the next step and its assignee, and must load them for the page only."""
    columns = _columns(cr, "mail_activity")
    overrides = {"res_id": "m.id", "user_id": "o.user_id"}
    select = ", ".join(overrides.get(col, f'a."{col}"') for col in columns)
    names = ", ".join(f'"{col}"' for col in columns)
    cr.execute(
        f"""INSERT INTO mail_activity ({names})
            SELECT {select}
              FROM {map_table} m
              JOIN mail_activity a
                ON a.res_model = %s AND a.res_id = m.seed_id
              JOIN bench_owner o
                ON o.slot = m.g %% (SELECT count(*) FROM bench_owner)""",
        [model],
    )
    _logger.info("bench: %s activities cloned onto %s", cr.rowcount, model)


def _cleared_links(cr, table, keep=()):
    """Overrides that clear the clones' links to one-of-a-kind records of
    their seed (a cancellation form, a scheme, a secondary contract's parent,
    a project's analytic account): a clone is a document of its own. Cleared
    in the INSERT itself, not by a later UPDATE that would leave every row
    twice in the table."""
    cr.execute(
        """SELECT a.attname FROM pg_constraint k
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
            WHERE k.conrelid = %s::regclass AND k.contype = 'f'
              AND k.confrelid NOT IN ('res_users'::regclass,
                  'res_company'::regclass, 'res_partner'::regclass,
                  'res_currency'::regclass)""",
        [table],
    )
    keep = {
        "template_id",
        "create_uid",
        "write_uid",
        "message_main_attachment_id",
        *keep,
    }
    return {row[0]: "NULL" for row in cr.fetchall() if row[0] not in keep}
