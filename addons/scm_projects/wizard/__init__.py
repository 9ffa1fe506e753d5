from . import scm_project_customer_sign
from . import network_equipment_change_decision
