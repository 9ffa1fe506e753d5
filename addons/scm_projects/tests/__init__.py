from . import test_project_core

# [areas] each area appends its own test modules below
from . import test_plans_plan
from . import test_plans_delay_notice
from . import test_plans_tracking
