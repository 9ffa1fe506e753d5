from . import test_project_core

# [areas] each area appends its own test modules below
from . import test_initiation_notice
from . import test_initiation_team
