# core: the project of a contract, its team, customer signatures
from . import scm_project_customer_sign_mixin
from . import scm_project_document_mixin
from . import project_project
from . import project_task
from . import project_milestone
from . import scm_project_member
from . import scm_contract
from . import scm_contract_milestone

# [areas] each area appends its own imports below
# closing: acceptance, collection, handover, closing (PRJ-SC-08/09,
# PRJ-TRK-08/09/11, PRJ-HAND-01..03, SUP-EPM-04)
from . import closing_project_acceptance
from . import closing_payment_reminder
from . import closing_project_handover
from . import closing_project_handover_line
from . import closing_project_closing
from . import closing_project_closing_line
from . import closing_project_project
from . import closing_scm_contract
