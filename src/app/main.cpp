#include "app/cli/commands.hpp"

int main(int argc, char** argv) { return hearth::app::cli::RunCli(argc, argv); }
