"""How each contract type of the manual is handled (CON-TYPE-01, §二.2.4, §二.3.3).

The procedures differ by type in who approves, who prints and registers the
originals, who signs for AA, whether the customer answers before printing,
who is told once the contract takes effect and who keeps which copy. They are
kept here, in one table, so that each rule reads as one line of it."""

CONTRACT_TYPES = [
    ("sc", "Sales and Consulting Service Contract"),
    ("secondary", "Secondary Sales and Consulting Service Contract"),
    ("tech_service", "Technical Service Contract"),
    ("brand", "Brand Operation Contract"),
    ("network", "Network Engineering Contract"),
]

# CON-TYPE-01, CON-NUM-01/03.
TYPE_LETTERS = {
    "sc": "C",
    "secondary": "R",
    "tech_service": "J",
    "brand": "P",
    "network": "N",
}

# The sales-plan business line a signed contract counts for (SAL-PLAN-06).
TYPE_BUSINESS_LINES = {
    "sc": "chain",
    "secondary": "chain",
    "tech_service": "service",
    "brand": "brand",
    "network": "network",
}

# The HQ unit that receives, prints and registers the contract and takes the
# originals back (CON-SC-05, CON-SEC-08, CON-TS-03, CON-BR-04; CON-NET-01 reads
# the S&C procedure for network engineering).
TYPE_OFFICE = {
    "sc": "scm_base.dept_msd",
    "secondary": "scm_base.dept_mcd",
    "tech_service": "scm_base.dept_mcd",
    "brand": "scm_base.dept_brand",
    "network": "scm_base.dept_msd",
}

# The HQ unit whose manager signs for AA when HQ, not a branch, signs the
# contract (CON-SC-06, CON-SEC-08, CON-TS-03). The Brand Operation Center signs
# its contracts for every branch (CON-BR-04 Open).
TYPE_HQ_SIGNATORY = {
    "sc": "scm_base.dept_market_center",
    "secondary": "scm_base.dept_customer_center",
    "tech_service": "scm_base.dept_customer_center",
    "brand": "scm_base.dept_brand",
    "network": "scm_base.dept_market_center",
}
BRANCH_SIGNS = {"sc", "secondary", "tech_service", "network"}

# The customer answers the approved text before the original is printed
# (CON-SEC-06/07, CON-TS-02, CON-BR-02/03). The S&C contract follows the
# proposal the customer already accepted (CON-SC-11).
CUSTOMER_ANSWERS_FIRST = {"secondary", "tech_service", "brand"}

# The mandatory service clauses of CON-GEN-01 apply where SCMS software is
# delivered (CON-GEN-01 Open).
SERVICE_CLAUSES_REQUIRED = {"sc", "secondary"}

# Post-effect duties (CON-SC-08, CON-SEC-09, CON-TS-04, CON-BR-05):
# (duty, unit). MRD is told for S&C and secondary contracts only.
TYPE_DUTIES = {
    "sc": [
        ("collection", "scm_base.dept_finance"),
        ("monitoring", "scm_base.dept_mcd"),
        ("notification", "scm_base.dept_mrd"),
        ("audit", "scm_base.dept_audit"),
    ],
    "secondary": [
        ("collection", "scm_base.dept_finance"),
        ("monitoring", "scm_base.dept_mcd"),
        ("notification", "scm_base.dept_mrd"),
        ("audit", "scm_base.dept_audit"),
    ],
    "tech_service": [
        ("collection", "scm_base.dept_finance"),
        ("monitoring", "scm_base.dept_mcd"),
        ("audit", "scm_base.dept_audit"),
    ],
    "brand": [
        ("collection", "scm_base.dept_finance"),
        ("implementation", "scm_base.dept_brand"),
        ("audit", "scm_base.dept_audit"),
    ],
    "network": [
        ("collection", "scm_base.dept_finance"),
        ("monitoring", "scm_base.dept_mcd"),
        ("notification", "scm_base.dept_mrd"),
        ("audit", "scm_base.dept_audit"),
    ],
}

# Retention lists (CON-SC-10, CON-SEC-10, CON-TS-05, CON-BR-04): holder, then
# (copy type, quantity) for a branch without and with independent accounting
# (ORG-BR-04). "branch" is the contract's branch, "customer" its customer.
_SC_RETENTION = [
    ("scm_base.dept_mcd", ("original", 1), ("copy", 1)),
    ("scm_base.dept_finance", ("original", 1), ("original", 1)),
    ("scm_base.dept_msd", ("copy", 1), ("copy", 1)),
    ("scm_base.dept_audit", ("copy", 1), ("copy", 1)),
    ("branch", ("copy", 1), ("original", 1)),
    ("customer", ("original", 2), ("original", 2)),
]
_SEC_RETENTION = [line for line in _SC_RETENTION if line[0] != "scm_base.dept_msd"]
_BRAND_RETENTION = [
    ("scm_base.dept_brand", ("original", 1), ("original", 1)),
    ("scm_base.dept_finance", ("original", 1), ("original", 1)),
    ("scm_base.dept_audit", ("copy", 1), ("copy", 1)),
    ("branch", ("copy", 1), ("copy", 1)),
    ("customer", ("original", 2), ("original", 2)),
]
TYPE_RETENTION = {
    "sc": _SC_RETENTION,
    "secondary": _SEC_RETENTION,
    "tech_service": _SEC_RETENTION,
    "brand": _BRAND_RETENTION,
    "network": _SC_RETENTION,
}

ORIGINALS_PRINTED = 4  # CON-SC-05, CON-SEC-08, CON-TS-03, CON-BR-04
ORIGINALS_RETURNED = 2  # CON-SC-07, CON-SEC-08, CON-TS-03

# Major contracts: amount excluding hardware strictly above this (CON-CLASS-02).
MAJOR_THRESHOLD = 400000
# Key projects: budget of at least this (SUP-KEY-01).
KEY_PROJECT_BUDGET = 1000000

# Free statistical reports in the run-in period by contract amount
# (PRJ-RUN-09): (upper bound inclusive, reports); None = unlimited.
FREE_REPORT_BANDS = [(100000, 5), (500000, 10), (1000000, 20)]
