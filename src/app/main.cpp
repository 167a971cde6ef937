#include "app/commands.hpp"

int main(int argc, char** argv) { return hearth::app::RunCli(argc, argv); }
