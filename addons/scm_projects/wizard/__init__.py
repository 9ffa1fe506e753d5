from . import scm_project_customer_sign
from . import network_equipment_change_decision
from . import scm_project_execution_verify

# elements (the wizards of the elements area)
from . import elements_generate
from . import elements_generate_line
from . import elements_objection
from . import elements_confirm
from . import elements_return
from . import elements_receipt
from . import elements_supplement_answer

# devagr
from . import devagr_reason_wizard
